package org.kefu.priority;

import java.time.Instant;
import java.util.Objects;
import org.kefu.ticket.Priority;

/**
 * A ticket's stored priority score and what holds its priority: {@code pin} is null while the score
 * sets the priority; otherwise the priority stays as pinned until an agent clears it.
 *
 * @param applied the priority the score last set (or found) on the ticket; a different priority on
 *                the ticket means someone else chose it
 */
public record TicketPriority(long ticketId, PriorityScore score, Priority applied, Pin pin, Instant computedAt,
                             Instant nextReviewAt) {

    public TicketPriority {
        Objects.requireNonNull(score, "score");
    }

    /** The ticket's priority as this module last saw or set it. */
    public Priority priority() {
        return pin != null ? pin.priority() : applied != null ? applied : score.priority();
    }

    public boolean automatic() {
        return pin == null;
    }

    /** Why the priority is not (or no longer) the score's. */
    public enum PinOrigin {
        /** An agent's override with a reason. */
        OVERRIDE,
        /** Someone changed the priority elsewhere (the ticket's fields, a rule) or it predates scoring. */
        MANUAL,
        /** Whoever opened the ticket chose its priority. */
        OPENED
    }

    public record Pin(PinOrigin origin, Priority priority, String reason, Long byId, String byName, Instant at) {

        public Pin {
            Objects.requireNonNull(origin, "origin");
            Objects.requireNonNull(priority, "priority");
        }
    }
}
