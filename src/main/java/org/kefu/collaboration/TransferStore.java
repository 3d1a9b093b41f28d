package org.kefu.collaboration;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stored transfers (table ticket_transfer). */
@Repository
class TransferStore {

    private static final String COLUMNS = """
            id, ticket_id, from_agent_id, from_name, target_kind, target_id, target_name, reason, created_at""";

    private final JdbcClient jdbc;

    TransferStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    TicketTransfer insert(long ticketId, long fromId, String fromName, TicketTransfer.TargetKind kind, long targetId,
            String targetName, String reason, Instant now) {
        long id = jdbc.sql("select nextval('ticket_transfer_seq')").query(Long.class).single();
        jdbc.sql("""
                        insert into ticket_transfer (id, ticket_id, from_agent_id, from_name, target_kind, target_id, target_name,
                            reason, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, ticketId, fromId, fromName, kind.name(), targetId, targetName, reason, TaskStore.ts(now))
                .update();
        return new TicketTransfer(id, ticketId, fromId, fromName, kind, targetId, targetName, reason, now);
    }

    /** The newest transfers of a ticket first; served by ix_ticket_transfer_ticket. */
    List<TicketTransfer> newestFirst(long ticketId, int limit) {
        return jdbc.sql("select " + COLUMNS + " from ticket_transfer where ticket_id = ? order by id desc fetch first %d rows only"
                        .formatted(limit))
                .param(ticketId).query(TransferStore::map).list();
    }

    Optional<TicketTransfer> latest(long ticketId) {
        return newestFirst(ticketId, 1).stream().findFirst();
    }

    private static TicketTransfer map(ResultSet rs, int n) throws SQLException {
        return new TicketTransfer(rs.getLong("id"), rs.getLong("ticket_id"), rs.getLong("from_agent_id"),
                rs.getString("from_name"), TicketTransfer.TargetKind.valueOf(rs.getString("target_kind")),
                rs.getLong("target_id"), rs.getString("target_name"), rs.getString("reason"),
                TaskStore.instant(rs, "created_at"));
    }
}
