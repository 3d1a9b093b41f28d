package org.kefu.escalation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table reminder. The due scan reads ix_reminder_pending; lists read ix_reminder_agent_due / ix_reminder_ticket_due. */
@Repository
class ReminderStore {

    private static final String SELECT = """
            select r.id, r.ticket_id, t.number, t.subject, r.agent_id, r.due_at, r.note, r.created_at, r.notified_at, r.done_at
            from reminder r join ticket t on t.id = r.ticket_id""";

    private final JdbcClient jdbc;

    ReminderStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long ticketId, long agentId, Instant dueAt, String note, Instant now) {
        long id = jdbc.sql("select nextval('reminder_seq')").query(Long.class).single();
        jdbc.sql("""
                        insert into reminder (id, ticket_id, agent_id, due_at, note, created_at, pending_at)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, ticketId, agentId, Timestamp.from(dueAt), note, Timestamp.from(now), Timestamp.from(dueAt))
                .update();
        return id;
    }

    Optional<Reminder> find(long id) {
        return jdbc.sql(SELECT + " where r.id = ?").param(id).query(ReminderStore::map).optional();
    }

    List<Reminder> ofTicket(long ticketId, int limit) {
        return jdbc.sql(SELECT + " where r.ticket_id = ? order by r.due_at, r.id fetch first " + limit + " rows only")
                .param(ticketId).query(ReminderStore::map).list();
    }

    /** The agent's reminders, open ones by due time, keyset after (afterDue, afterId). */
    List<Reminder> openOf(long agentId, Instant afterDue, long afterId, int limit) {
        return jdbc.sql(SELECT + """
                         where r.agent_id = ? and r.done_at is null and r.due_at >= ? and (r.due_at > ? or r.id > ?)
                        order by r.due_at, r.id fetch first %d rows only""".formatted(limit))
                .params(agentId, Timestamp.from(afterDue), Timestamp.from(afterDue), afterId)
                .query(ReminderStore::map).list();
    }

    /** The agent's done reminders, most recently due first. */
    List<Reminder> doneOf(long agentId, int limit) {
        return jdbc.sql(SELECT + " where r.agent_id = ? and r.done_at is not null order by r.due_at desc, r.id desc fetch first "
                        + limit + " rows only")
                .param(agentId).query(ReminderStore::map).list();
    }

    long countDue(long agentId, Instant now) {
        return jdbc.sql("select count(*) from reminder where agent_id = ? and done_at is null and due_at <= ?")
                .params(agentId, Timestamp.from(now)).query(Long.class).single();
    }

    int markDone(long id, Instant now) {
        return jdbc.sql("update reminder set done_at = ?, pending_at = null where id = ? and done_at is null")
                .params(Timestamp.from(now), id).update();
    }

    void delete(long id) {
        jdbc.sql("delete from reminder where id = ?").param(id).update();
    }

    /** Ids of unsent reminders due by {@code now} (ix_reminder_pending), oldest first. */
    List<Long> pending(Instant now, int limit) {
        return jdbc.sql("select id from reminder where pending_at <= ? order by pending_at, id fetch first " + limit + " rows only")
                .param(Timestamp.from(now)).query(Long.class).list();
    }

    /** Claims a due reminder for sending; only one sweep (on any node) gets true. */
    boolean claim(long id, Instant now) {
        return jdbc.sql("update reminder set pending_at = null, notified_at = ? where id = ? and pending_at is not null")
                .params(Timestamp.from(now), id).update() == 1;
    }

    private static Reminder map(ResultSet rs, int n) throws SQLException {
        return new Reminder(rs.getLong("id"), rs.getLong("ticket_id"), rs.getString("number"), rs.getString("subject"),
                rs.getLong("agent_id"), NotificationStore.instant(rs, "due_at"), rs.getString("note"),
                NotificationStore.instant(rs, "created_at"), NotificationStore.instant(rs, "notified_at"),
                NotificationStore.instant(rs, "done_at"));
    }
}
