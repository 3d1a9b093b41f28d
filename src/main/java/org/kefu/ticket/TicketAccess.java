package org.kefu.ticket;

import org.kefu.platform.Actor;
import org.kefu.platform.NotFoundException;
import org.springframework.stereotype.Component;

/** Loads a ticket for an actor; a ticket the actor may not see is reported as not found. */
@Component
class TicketAccess {

    private final Tickets tickets;

    TicketAccess(Tickets tickets) {
        this.tickets = tickets;
    }

    Ticket visible(long id, Actor actor) {
        return tickets.findById(id)
                .filter(t -> actor.canSee(t.getDepartmentId(), t.getTeamId(), t.getAssigneeId()))
                .orElseThrow(() -> new NotFoundException("Ticket", id));
    }
}
