package org.kefu.escalation;

import java.time.Instant;

/** A follow-up an agent set on a ticket ("call back tomorrow 10:00"). */
public record Reminder(long id, long ticketId, String ticketNumber, String ticketSubject, long agentId, Instant dueAt,
                       String note, Instant createdAt, Instant notifiedAt, Instant doneAt) {

    public enum State {
        /** not yet due */
        UPCOMING,
        /** due and not done */
        DUE,
        DONE
    }

    public State state(Instant now) {
        if (doneAt != null) {
            return State.DONE;
        }
        return dueAt.isAfter(now) ? State.UPCOMING : State.DUE;
    }
}
