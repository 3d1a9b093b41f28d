package org.kefu.ticket;

import java.util.List;
import java.util.Map;
import org.kefu.platform.ConflictException;

/** A status change the lifecycle does not allow; says which moves are allowed from here. */
public class IllegalTransitionException extends ConflictException {

    public IllegalTransitionException(TicketStatus from, TicketStatus to) {
        super("A ticket cannot move from " + from + " to " + to + ". Allowed from " + from + ": "
                        + (from.allowedNext().isEmpty() ? "none (it is final)" : from.allowedNext().toString()) + ".",
                Map.of("currentStatus", from.name(), "requestedStatus", to.name(),
                        "allowedTransitions", from.allowedNext().stream().map(Enum::name).sorted().toList()));
    }

    public static List<String> names(java.util.Collection<TicketStatus> statuses) {
        return statuses.stream().map(Enum::name).toList();
    }
}
