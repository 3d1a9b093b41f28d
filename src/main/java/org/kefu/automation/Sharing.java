package org.kefu.automation;

import org.kefu.platform.Actor;
import org.kefu.platform.Role;

/**
 * Who may see and change a template or macro. A personal one belongs to its owner alone (not even an
 * admin sees it); shared ones are seen by their team, department or everyone, and managed by
 * supervisors of that team or department, and admins.
 */
public record Sharing(TemplateScope scope, Long ownerId, Long teamId, Long departmentId) {

    public boolean canSee(Actor actor) {
        return switch (scope) {
            case PERSONAL -> ownerId != null && ownerId == actor.id();
            case EVERYONE -> true;
            case DEPARTMENT -> actor.isAdmin() || departmentId != null && actor.departmentIds().contains(departmentId);
            case TEAM -> actor.isAdmin() || teamId != null && actor.teamIds().contains(teamId);
        };
    }

    public boolean canManage(Actor actor) {
        if (scope == TemplateScope.PERSONAL) {
            return canSee(actor);
        }
        return actor.isAdmin() || actor.role() == Role.SUPERVISOR && canSee(actor);
    }
}
