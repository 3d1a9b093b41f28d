package org.kefu.agent.web;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.kefu.agent.Agent;
import org.kefu.agent.ApiToken;
import org.kefu.agent.Department;
import org.kefu.agent.Presence;
import org.kefu.agent.Skill;
import org.kefu.agent.Team;
import org.kefu.platform.Role;

final class AgentViews {

    private AgentViews() {
    }

    record AgentView(long id, String email, String displayName, Role role, int maxLoad, Presence presence,
            Instant presenceChangedAt, String locale, String timeZone, boolean active, List<DepartmentView> departments,
            List<TeamView> teams, Set<Skill> skills, Instant lastSignInAt, Instant createdAt) {

        static AgentView of(Agent a) {
            return new AgentView(a.getId(), a.getEmail(), a.getDisplayName(), a.getRole(), a.getMaxLoad(), a.getPresence(),
                    a.getPresenceChangedAt(), a.getLocale(), a.getTimeZone(), a.isActive(),
                    a.getDepartments().stream().sorted(Comparator.comparing(Department::getId)).map(DepartmentView::of).toList(),
                    a.getTeams().stream().sorted(Comparator.comparing(Team::getId)).map(TeamView::of).toList(),
                    a.getSkills(), a.getLastSignInAt(), a.getCreatedAt());
        }
    }

    record DepartmentView(long id, String code, String name, boolean isDefault) {

        static DepartmentView of(Department d) {
            return new DepartmentView(d.getId(), d.getCode(), d.getName(), d.isDefaultDepartment());
        }
    }

    record TeamView(long id, String name, long departmentId) {

        static TeamView of(Team t) {
            return new TeamView(t.getId(), t.getName(), t.getDepartment().getId());
        }
    }

    record TokenView(long id, String name, long agentId, String agentEmail, String prefix, Instant createdAt,
            Instant lastUsedAt, Instant expiresAt, Instant revokedAt) {

        static TokenView of(ApiToken t) {
            return new TokenView(t.getId(), t.getName(), t.getAgent().getId(), t.getAgent().getEmail(), t.getTokenPrefix(),
                    t.getCreatedAt(), t.getLastUsedAt(), t.getExpiresAt(), t.getRevokedAt());
        }
    }

    /** Returned once, when a token is created: the only time its value is shown. */
    record CreatedTokenView(TokenView token, String secret) {
    }
}
