package org.kefu.priority;

import java.time.Clock;
import org.kefu.platform.Actor;
import org.kefu.platform.InvalidRequestException;
import org.kefu.platform.Role;
import org.kefu.ticket.Author;
import org.kefu.ticket.Priority;
import org.kefu.ticket.Ticket;
import org.kefu.ticket.TicketChanges;
import org.kefu.ticket.TicketNotice;
import org.kefu.ticket.TicketWork;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A ticket's priority and why, an agent's override (with a reason, on the timeline) and clearing it,
 * and the admin's weights and thresholds. Reading and overriding follow the ticket's visibility rule.
 */
@Service
@Transactional
public class TicketPriorities {

    public static final int MAX_REASON = 1000;

    private final TicketWork work;
    private final Prioritising prioritising;
    private final TicketPriorityStore store;
    private final PrioritySettings settings;
    private final Clock clock;

    TicketPriorities(TicketWork work, Prioritising prioritising, TicketPriorityStore store, PrioritySettings settings,
            Clock clock) {
        this.work = work;
        this.prioritising = prioritising;
        this.store = store;
        this.settings = settings;
        this.clock = clock;
    }

    /** The stored score; a ticket from before scoring gets one now (its priority kept, as MANUAL). */
    public TicketPriority of(long ticketId, Actor actor) {
        work.get(ticketId, actor);
        return store.find(ticketId).or(() -> prioritising.recompute(ticketId, Prioritising.Start.EXISTING))
                .orElseThrow(() -> new org.kefu.platform.NotFoundException("Ticket", ticketId));
    }

    /** Pins the priority with a reason; written on the timeline. */
    public TicketPriority override(long ticketId, Priority priority, String reason, Actor actor) {
        if (priority == null) {
            throw InvalidRequestException.of("priority", "must be one of P1, P2, P3, P4");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw InvalidRequestException.of("reason", "an override needs a reason");
        }
        if (why.length() > MAX_REASON) {
            throw InvalidRequestException.of("reason", "must be at most " + MAX_REASON + " characters");
        }
        TicketPriority current = of(ticketId, actor);
        store.save(new TicketPriority(ticketId, current.score(), current.applied(),
                new TicketPriority.Pin(TicketPriority.PinOrigin.OVERRIDE, priority, why, actor.id(), actor.name(), clock.instant()),
                current.computedAt(), null));
        work.update(ticketId, new TicketChanges(null, priority, null, null, null, null, null, null, null, null), actor);
        work.recordNotice(ticketId, TicketNotice.info("priority.override.notice", priority.name(), why), Author.of(actor));
        return store.find(ticketId).orElseThrow();
    }

    /** Lets the score set the priority again, at once. */
    public TicketPriority clearOverride(long ticketId, Actor actor) {
        TicketPriority current = of(ticketId, actor);
        Ticket ticket = work.get(ticketId, actor);
        if (current.pin() != null) {
            store.save(new TicketPriority(ticketId, current.score(), ticket.getPriority(), null, current.computedAt(), null));
            work.recordNotice(ticketId, TicketNotice.info("priority.override.cleared"), Author.of(actor));
        }
        prioritising.recompute(ticketId, Prioritising.Start.EXISTING);
        return store.find(ticketId).orElseThrow();
    }

    @Transactional(readOnly = true)
    public PriorityRules rules() {
        return settings.rules();
    }

    /** New weights and thresholds (admins only); they apply to each ticket at its next recompute. */
    public PriorityRules changeRules(PriorityRules rules, Actor actor) {
        actor.requireRole(Role.ADMIN);
        settings.save(rules, actor.id(), clock.instant());
        return settings.rules();
    }
}
