package org.kefu.routing;

import org.kefu.agent.AgentEvents;
import org.kefu.agent.Presence;
import java.util.EnumSet;
import java.util.Set;
import org.kefu.ticket.Ticket;
import org.kefu.ticket.TicketEvents;
import org.kefu.ticket.TicketStatus;
import org.kefu.ticket.LoadedTickets;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Routes a new ticket by the rules inside the transaction that opens it (so the opener's response
 * already shows the team), and hands assignment work to {@link RoutingWorkers} once the change that
 * calls for it has committed: a waiting ticket (new, moved into an automatic team, reopened) is
 * assigned; an agent who becomes available, joins a team, or whose ticket stops needing work
 * (resolved, closed, pending) gets the next waiting tickets of their teams. The checks before
 * handing work over are single indexed reads, so the usual ticket change costs almost nothing.
 * Whatever is missed here, {@link RoutingSweep} catches up.
 */
@Component
class RoutingListeners {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RoutingListeners.class);

    private final RoutingNewTickets newTickets;
    private final Assigning assigning;
    private final RoutingWorkers workers;
    private final TeamQueues queues;
    private static final Set<TicketStatus> WAITING = EnumSet.of(TicketStatus.NEW, TicketStatus.OPEN, TicketStatus.REOPENED);

    private final JdbcClient jdbc;
    private final LoadedTickets tickets;
    private final TeamStrategies strategies;

    RoutingListeners(RoutingNewTickets newTickets, Assigning assigning, RoutingWorkers workers, TeamQueues queues,
                     JdbcClient jdbc, LoadedTickets tickets, TeamStrategies strategies) {
        this.strategies = strategies;
        this.tickets = tickets;
        this.newTickets = newTickets;
        this.assigning = assigning;
        this.workers = workers;
        this.queues = queues;
        this.jdbc = jdbc;
    }

    @EventListener
    void route(TicketEvents.TicketOpened e) {
        try {
            newTickets.route(e.ticketId());
        } catch (RuntimeException ex) {
            log.warn("Routing rules could not be applied to ticket {}; it stays where it was opened", e.ticketId(), ex);
        }
    }

    /**
     * Decides before the commit, from the ticket the opening transaction holds (no query), and hands the
     * assignment over after it: no statement runs on the request's connection once it has committed.
     */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void opened(TicketEvents.TicketOpened e) {
        Ticket t = tickets.find(e.ticketId()).orElse(null);
        if (t == null || t.getTeamId() == null || t.getAssigneeId() != null || !WAITING.contains(t.getStatus())
                || !automatic(t.getTeamId())) {
            return;
        }
        long ticketId = e.ticketId();
        long teamId = t.getTeamId();
        Runnable submit = () -> workers.submitInOrder(teamId, "assign ticket " + ticketId, () -> assigning.assign(ticketId));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    submit.run();
                }
            });
        } else {
            submit.run();
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void statusChanged(TicketEvents.TicketStatusChanged e) {
        if (working(e.from()) && !working(e.to())) {
            TeamQueues.Placement p = queues.placement(e.ticketId());
            if (p != null && p.assigneeId() != null && hasAutomaticTeam(p.assigneeId())) {
                long agentId = p.assigneeId();
                workers.submit("hand work to agent " + agentId, () -> assigning.drainTeamsOf(agentId));
            }
        } else {
            assignIfWaiting(e.ticketId());
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void updated(TicketEvents.TicketUpdated e) {
        assignIfWaiting(e.ticketId());
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void presenceChanged(AgentEvents.PresenceChanged e) {
        if (e.to() == Presence.AVAILABLE && hasAutomaticTeam(e.agentId())) {
            workers.submit("hand work to agent " + e.agentId(), () -> assigning.drainTeamsOf(e.agentId()));
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void placementChanged(AgentEvents.AgentPlacementChanged e) {
        if (hasAutomaticTeam(e.agentId())) {
            workers.submit("hand work to agent " + e.agentId(), () -> assigning.drainTeamsOf(e.agentId()));
        }
    }

    private void assignIfWaiting(long ticketId) {
        TeamQueues.Placement p = queues.placement(ticketId);
        if (p != null && p.waiting() && automatic(p.teamId())) {
            workers.submit("assign ticket " + ticketId, () -> assigning.assign(ticketId));
        }
    }

    private boolean automatic(long teamId) {
        return strategies.automatic(teamId);
    }

    private boolean hasAutomaticTeam(long agentId) {
        return jdbc.sql("select count(*) from agent_team m join routing_team r on r.team_id = m.team_id "
                + "where m.agent_id = ? and r.strategy <> 'MANUAL'").param(agentId).query(Long.class).single() > 0;
    }

    private static boolean working(TicketStatus s) {
        return s == TicketStatus.NEW || s == TicketStatus.OPEN || s == TicketStatus.REOPENED;
    }
}
