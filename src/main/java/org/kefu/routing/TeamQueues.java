package org.kefu.routing;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads team queues from the ticket table through index ix_ticket_team_queue. */
@Repository
class TeamQueues {

    record Waiting(long count, Instant oldest) {
    }

    private final JdbcClient jdbc;

    TeamQueues(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The next waiting tickets of a team in queue order (priority, then age), after the given position. */
    List<Long> next(long teamId, int limit) {
        return jdbc.sql("select id from ticket where team_id = ? and assignee_id is null and status in "
                        + TeamMembers.WORKING_STATUSES + " order by priority, created_at, id fetch first " + limit + " rows only")
                .param(teamId).query(Long.class).list();
    }

    Map<Long, Waiting> waiting(List<Long> teamIds) {
        Map<Long, Waiting> result = new HashMap<>();
        for (Long teamId : teamIds) {
            jdbc.sql("select count(*), min(created_at) from ticket where team_id = ? and assignee_id is null and status in "
                            + TeamMembers.WORKING_STATUSES)
                    .param(teamId)
                    .query((rs, n) -> {
                        Timestamp oldest = rs.getTimestamp(2);
                        return result.put(teamId, new Waiting(rs.getLong(1), oldest == null ? null : oldest.toInstant()));
                    }).list();
        }
        return result;
    }

    /** The placement of a ticket, locked until the transaction ends; null if there is no such ticket. */
    record Placement(Long teamId, Long assigneeId, String status) {

        boolean waiting() {
            return teamId != null && assigneeId == null
                    && ("NEW".equals(status) || "OPEN".equals(status) || "REOPENED".equals(status));
        }
    }

    Placement lockTicket(long ticketId) {
        return jdbc.sql("select team_id, assignee_id, status from ticket where id = ? for update").param(ticketId)
                .query((rs, n) -> {
                    long team = rs.getLong(1);
                    Long teamId = rs.wasNull() ? null : team;
                    long assignee = rs.getLong(2);
                    Long assigneeId = rs.wasNull() ? null : assignee;
                    return new Placement(teamId, assigneeId, rs.getString(3));
                }).optional().orElse(null);
    }

    Placement placement(long ticketId) {
        return jdbc.sql("select team_id, assignee_id, status from ticket where id = ?").param(ticketId)
                .query((rs, n) -> {
                    long team = rs.getLong(1);
                    Long teamId = rs.wasNull() ? null : team;
                    long assignee = rs.getLong(2);
                    Long assigneeId = rs.wasNull() ? null : assignee;
                    return new Placement(teamId, assigneeId, rs.getString(3));
                }).optional().orElse(null);
    }
}
