package org.kefu.ticket.web;

import org.kefu.platform.live.LiveEvent;
import org.kefu.platform.live.LiveUpdates;
import org.kefu.ticket.TicketEvents;
import org.kefu.ticket.TicketFinder;
import org.kefu.ticket.TicketScope;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells open workspace pages about ticket changes once they are committed: the SSE event
 * {@code ticket} with {@code {"ticketId":..,"kind":..}}; pages then fetch what they show.
 *
 * <p>Who may see the ticket is read before the commit, on the transaction's own connection, and the
 * event is sent after it. Reading after the commit would need a second connection while the first is
 * still held, and under load every request would wait for a connection that none gives back.
 */
@Component
class TicketLiveFeed {

    private final LiveUpdates live;
    private final TicketFinder finder;

    TicketLiveFeed(LiveUpdates live, TicketFinder finder) {
        this.live = live;
        this.finder = finder;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void opened(TicketEvents.TicketOpened e) {
        announce(e.ticketId(), "opened");
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void customerWrote(TicketEvents.CustomerMessageReceived e) {
        announce(e.ticketId(), "customer-message");
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void replied(TicketEvents.AgentReplied e) {
        announce(e.ticketId(), "reply");
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void statusChanged(TicketEvents.TicketStatusChanged e) {
        announce(e.ticketId(), "status");
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void updated(TicketEvents.TicketUpdated e) {
        announce(e.ticketId(), "updated");
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void merged(TicketEvents.TicketsMerged e) {
        announce(e.mergedId(), "merged");
        announce(e.survivorId(), "merged");
    }

    private void announce(long ticketId, String kind) {
        if (!live.anyoneListening()) {
            return;
        }
        TicketScope scope = finder.scope(ticketId).orElse(null);
        if (scope == null) {
            return;
        }
        LiveEvent event = new LiveEvent("ticket", "{\"ticketId\":" + ticketId + ",\"kind\":\"" + kind + "\"}",
                scope.departmentId(), scope.teamId(), scope.assigneeId());
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                live.publish(event);
            }
        });
    }
}
