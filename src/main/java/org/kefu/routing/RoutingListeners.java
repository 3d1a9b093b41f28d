package org.kefu.routing;

import org.kefu.agent.AgentEvents;
import org.kefu.agent.Presence;
import org.kefu.ticket.TicketEvents;
import org.kefu.ticket.TicketStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Routes and assigns after the change that calls for it has committed, each in its own transaction,
 * so a routing problem never undoes the ticket or the presence change: a new ticket is routed by the
 * rules and assigned; a waiting ticket whose status or placement changed is assigned; an agent who
 * becomes available, joins a team, or whose ticket stops needing work (resolved, closed, pending)
 * gets the next waiting tickets of their teams. Whatever is missed here, {@link RoutingSweep} catches up.
 */
@Component
class RoutingListeners {

    private static final Logger log = LoggerFactory.getLogger(RoutingListeners.class);

    private final RoutingNewTickets newTickets;
    private final Assigning assigning;
    private final TeamQueues queues;
    private final JdbcClient jdbc;

    RoutingListeners(RoutingNewTickets newTickets, Assigning assigning, TeamQueues queues, JdbcClient jdbc) {
        this.newTickets = newTickets;
        this.assigning = assigning;
        this.queues = queues;
        this.jdbc = jdbc;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void opened(TicketEvents.TicketOpened e) {
        safely("route new ticket " + e.ticketId(), () -> {
            newTickets.route(e.ticketId());
            assignIfWaiting(e.ticketId());
        });
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void statusChanged(TicketEvents.TicketStatusChanged e) {
        safely("react to status of ticket " + e.ticketId(), () -> {
            if (working(e.from()) && !working(e.to())) {
                TeamQueues.Placement p = queues.placement(e.ticketId());
                if (p != null && p.assigneeId() != null) {
                    assigning.drainTeamsOf(p.assigneeId());
                }
            } else {
                assignIfWaiting(e.ticketId());
            }
        });
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void updated(TicketEvents.TicketUpdated e) {
        safely("assign updated ticket " + e.ticketId(), () -> assignIfWaiting(e.ticketId()));
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void presenceChanged(AgentEvents.PresenceChanged e) {
        if (e.to() == Presence.AVAILABLE) {
            safely("hand work to agent " + e.agentId(), () -> assigning.drainTeamsOf(e.agentId()));
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void placementChanged(AgentEvents.AgentPlacementChanged e) {
        safely("hand work to agent " + e.agentId(), () -> assigning.drainTeamsOf(e.agentId()));
    }

    private void assignIfWaiting(long ticketId) {
        TeamQueues.Placement p = queues.placement(ticketId);
        if (p != null && p.waiting() && automatic(p.teamId())) {
            assigning.assign(ticketId);
        }
    }

    private boolean automatic(long teamId) {
        return jdbc.sql("select count(*) from routing_team where team_id = ? and strategy <> 'MANUAL'")
                .param(teamId).query(Long.class).single() > 0;
    }

    private static boolean working(TicketStatus s) {
        return s == TicketStatus.NEW || s == TicketStatus.OPEN || s == TicketStatus.REOPENED;
    }

    private static void safely(String what, Runnable action) {
        try {
            action.run();
        } catch (RuntimeException ex) {
            log.warn("Routing could not {}; the routing sweep tries again", what, ex);
        }
    }
}
