package org.kefu.routing;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The assignment log (routing_assignment): one row per automatic assignment, for the ticket and reports. */
@Repository
class AssignmentLog {

    private final JdbcClient jdbc;

    AssignmentLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(long ticketId, long teamId, AssignmentChoice choice, Instant at) {
        long id = jdbc.sql("select nextval('routing_assignment_seq')").query(Long.class).single();
        jdbc.sql("""
                        insert into routing_assignment (id, ticket_id, agent_id, team_id, strategy, reason, matched_skills,
                            load_before, max_load, idle_seconds, decided_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, ticketId, choice.agent().agentId(), teamId, choice.strategy().name(), cut(choice.reason(), 1000),
                        choice.matchedSkills().isEmpty() ? null : cut(String.join(", ", choice.matchedSkills()), 500),
                        choice.agent().load(), choice.agent().maxLoad(),
                        choice.idle() == null ? null : Math.max(0, choice.idle().toSeconds()), Timestamp.from(at))
                .update();
    }

    List<AssignmentRecord> ofTicket(long ticketId) {
        return jdbc.sql("""
                        select r.id, r.ticket_id, r.agent_id, a.display_name, r.team_id, r.strategy, r.reason, r.matched_skills,
                            r.load_before, r.max_load, r.idle_seconds, r.decided_at
                        from routing_assignment r join agent a on a.id = r.agent_id
                        where r.ticket_id = ? order by r.id""")
                .param(ticketId)
                .query((rs, n) -> {
                    long idle = rs.getLong(11);
                    Long idleSeconds = rs.wasNull() ? null : idle;
                    return new AssignmentRecord(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getLong(5),
                            TeamStrategy.valueOf(rs.getString(6)), rs.getString(7), rs.getString(8), rs.getInt(9),
                            rs.getInt(10), idleSeconds, rs.getTimestamp(12).toInstant());
                }).list();
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
