package org.kefu.automation;

import java.util.List;
import java.util.Map;
import org.kefu.platform.Actor;

/** The SQL form of {@link Sharing#canSee}: the rows of reply_template or macro an actor may see. */
final class VisibleRows {

    private VisibleRows() {
    }

    static String clause(String alias, Actor actor) {
        if (actor.isAdmin()) {
            return "(" + alias + ".scope <> 'PERSONAL' or " + alias + ".owner_id = :me)";
        }
        return "(" + alias + ".scope = 'EVERYONE' or (" + alias + ".scope = 'PERSONAL' and " + alias + ".owner_id = :me)"
                + " or (" + alias + ".scope = 'DEPARTMENT' and " + alias + ".department_id in (:departments))"
                + " or (" + alias + ".scope = 'TEAM' and " + alias + ".team_id in (:teams)))";
    }

    static Map<String, Object> params(Actor actor) {
        return Map.of("me", actor.id(),
                "departments", actor.departmentIds().isEmpty() ? List.of(-1L) : List.copyOf(actor.departmentIds()),
                "teams", actor.teamIds().isEmpty() ? List.of(-1L) : List.copyOf(actor.teamIds()));
    }
}
