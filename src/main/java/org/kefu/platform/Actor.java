package org.kefu.platform;

import java.util.Objects;
import java.util.Set;

/**
 * The signed-in user a request acts for, with what decides which tickets it may see:
 * an agent sees its departments' tickets, a supervisor also its teams', an admin everything.
 */
public record Actor(long id, String name, String email, Role role, Set<Long> departmentIds, Set<Long> teamIds) {

    public Actor {
        Objects.requireNonNull(role, "role");
        departmentIds = Set.copyOf(departmentIds);
        teamIds = Set.copyOf(teamIds);
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    public boolean isSupervisorOrAdmin() {
        return role.atLeast(Role.SUPERVISOR);
    }

    /** Whether this actor may see a ticket of the given department, team and assignee. */
    public boolean canSee(Long departmentId, Long teamId, Long assigneeId) {
        if (isAdmin()) {
            return true;
        }
        if (assigneeId != null && assigneeId == id) {
            return true;
        }
        if (departmentId != null && departmentIds.contains(departmentId)) {
            return true;
        }
        return role == Role.SUPERVISOR && teamId != null && teamIds.contains(teamId);
    }

    public void requireRole(Role minimum) {
        if (!role.atLeast(minimum)) {
            throw new ForbiddenException("This needs the role " + minimum + " or higher.");
        }
    }
}
