package org.kefu.routing;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kefu.agent.Skill;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads a team's active members as {@link AgentSnapshot}s in three queries (members, skills, open
 * loads), whatever the team size. Reads the agent module's tables (agent, agent_team, agent_skill)
 * and the ticket table directly, read-only: the decision needs them together and fast.
 */
@Repository
class TeamMembers {

    /** The statuses that count towards an agent's load and that a team queue holds. */
    static final String WORKING_STATUSES = "('NEW', 'OPEN', 'REOPENED')";

    private final JdbcClient jdbc;

    TeamMembers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<AgentSnapshot> of(long teamId) {
        record Row(long id, String name, boolean available, int maxLoad, Instant presenceSince, Instant lastAssignedAt) {
        }
        Map<Long, Row> rows = new LinkedHashMap<>();
        jdbc.sql("""
                        select a.id, a.display_name, a.presence, a.max_load, a.presence_changed_at, l.last_assigned_at
                        from agent_team m join agent a on a.id = m.agent_id
                        left join routing_agent_load l on l.agent_id = a.id
                        where m.team_id = ? and a.active = true order by a.id""")
                .param(teamId)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), "AVAILABLE".equals(rs.getString(3)), rs.getInt(4),
                        instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6))))
                .list().forEach(r -> rows.put(r.id(), r));
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<Skill>> skills = new HashMap<>();
        jdbc.sql("""
                        select s.agent_id, s.kind, s.skill_value, s.skill_level
                        from agent_team m join agent_skill s on s.agent_id = m.agent_id where m.team_id = ?""")
                .param(teamId)
                .query((rs, n) -> {
                    skills.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new Skill(Skill.Kind.valueOf(rs.getString(2)), rs.getString(3), rs.getInt(4)));
                    return null;
                }).list();
        Map<Long, Integer> loads = new HashMap<>();
        jdbc.sql("select t.assignee_id, count(*) from agent_team m join ticket t on t.assignee_id = m.agent_id "
                        + "where m.team_id = ? and t.status in " + WORKING_STATUSES + " group by t.assignee_id")
                .param(teamId)
                .query((rs, n) -> loads.put(rs.getLong(1), rs.getInt(2))).list();
        List<AgentSnapshot> result = new ArrayList<>(rows.size());
        for (Row r : rows.values()) {
            result.add(new AgentSnapshot(r.id(), r.name(), r.available(), loads.getOrDefault(r.id(), 0), r.maxLoad(),
                    r.lastAssignedAt(), r.presenceSince(), skills.getOrDefault(r.id(), List.of())));
        }
        return result;
    }

    static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
