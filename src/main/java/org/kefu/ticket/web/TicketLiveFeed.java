package org.kefu.ticket.web;

import org.kefu.platform.live.LiveEvent;
import org.kefu.platform.live.LiveUpdates;
import org.kefu.ticket.TicketEvents;
import org.kefu.ticket.TicketFinder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tells open workspace pages about ticket changes once they are committed: the SSE event
 * {@code ticket} with {@code {"ticketId":..,"kind":..}}; pages then fetch what they show.
 */
@Component
class TicketLiveFeed {

    private final LiveUpdates live;
    private final TicketFinder finder;

    TicketLiveFeed(LiveUpdates live, TicketFinder finder) {
        this.live = live;
        this.finder = finder;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void opened(TicketEvents.TicketOpened e) {
        announce(e.ticketId(), "opened");
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void customerWrote(TicketEvents.CustomerMessageReceived e) {
        announce(e.ticketId(), "customer-message");
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void replied(TicketEvents.AgentReplied e) {
        announce(e.ticketId(), "reply");
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void statusChanged(TicketEvents.TicketStatusChanged e) {
        announce(e.ticketId(), "status");
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void updated(TicketEvents.TicketUpdated e) {
        announce(e.ticketId(), "updated");
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void merged(TicketEvents.TicketsMerged e) {
        announce(e.mergedId(), "merged");
        announce(e.survivorId(), "merged");
    }

    private void announce(long ticketId, String kind) {
        finder.scope(ticketId).ifPresent(scope -> live.publish(new LiveEvent("ticket",
                "{\"ticketId\":" + ticketId + ",\"kind\":\"" + kind + "\"}",
                scope.departmentId(), scope.teamId(), scope.assigneeId())));
    }
}
