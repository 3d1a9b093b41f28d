package org.kefu.escalation;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who to notify: the active members of a team, the active supervisors of a department. Reads the
 * agent module's membership tables directly (indexes ix_agent_team_team, ix_agent_department_department)
 * because AgentDirectory has no such lookup yet and loading every agent would not scale.
 */
@Component
class Recipients {

    private final JdbcClient jdbc;

    Recipients(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Long> teamMembers(long teamId) {
        return jdbc.sql("""
                        select a.id from agent_team m join agent a on a.id = m.agent_id
                        where m.team_id = ? and a.active = true order by a.id""")
                .param(teamId).query(Long.class).list();
    }

    List<Long> supervisors(long departmentId) {
        return jdbc.sql("""
                        select a.id from agent_department m join agent a on a.id = m.agent_id
                        where m.department_id = ? and a.active = true and a.role = 'SUPERVISOR' order by a.display_name, a.id""")
                .param(departmentId).query(Long.class).list();
    }
}
