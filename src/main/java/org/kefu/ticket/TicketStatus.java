package org.kefu.ticket;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a ticket stands. Each allowed move is listed here and nowhere else; anything not
 * listed is refused. CLOSED is final: a customer who writes again gets a follow-up ticket.
 */
public enum TicketStatus {
    NEW, OPEN, PENDING_CUSTOMER, PENDING_INTERNAL, RESOLVED, CLOSED, REOPENED;

    public Set<TicketStatus> allowedNext() {
        return switch (this) {
            case NEW -> EnumSet.of(OPEN, PENDING_CUSTOMER, PENDING_INTERNAL, RESOLVED);
            case OPEN -> EnumSet.of(PENDING_CUSTOMER, PENDING_INTERNAL, RESOLVED);
            case PENDING_CUSTOMER -> EnumSet.of(OPEN, PENDING_INTERNAL, RESOLVED);
            case PENDING_INTERNAL -> EnumSet.of(OPEN, PENDING_CUSTOMER, RESOLVED);
            case RESOLVED -> EnumSet.of(CLOSED, REOPENED);
            case REOPENED -> EnumSet.of(OPEN, PENDING_CUSTOMER, PENDING_INTERNAL, RESOLVED);
            case CLOSED -> EnumSet.noneOf(TicketStatus.class);
        };
    }

    public boolean canMoveTo(TicketStatus target) {
        return allowedNext().contains(target);
    }

    public boolean isPending() {
        return this == PENDING_CUSTOMER || this == PENDING_INTERNAL;
    }

    /** Still needs work from the desk. */
    public boolean isActive() {
        return this != RESOLVED && this != CLOSED;
    }
}
