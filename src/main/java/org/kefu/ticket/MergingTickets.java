package org.kefu.ticket;

import java.time.Clock;
import java.time.Instant;
import org.kefu.platform.Actor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Folds a duplicate ticket into the one that stays. The duplicate is closed and points to the
 * survivor; the survivor's timeline shows both, and nothing is copied or deleted.
 */
@Service
public class MergingTickets {

    private final TicketAccess access;
    private final Tickets tickets;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MergingTickets(TicketAccess access, Tickets tickets, ApplicationEventPublisher events, Clock clock) {
        this.access = access;
        this.tickets = tickets;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Ticket merge(long duplicateId, long survivorId, Actor actor) {
        Ticket duplicate = access.visible(duplicateId, actor);
        Ticket survivor = access.visible(survivorId, actor);
        Instant now = clock.instant();
        duplicate.mergeInto(survivor, Author.of(actor), now);
        for (Ticket earlier : tickets.findByMergedIntoId(duplicateId)) {
            earlier.adoptMerged(survivorId);
        }
        events.publishEvent(new TicketEvents.TicketsMerged(duplicateId, duplicate.getNumber(), survivorId,
                survivor.getNumber(), actor.id()));
        return survivor;
    }
}
