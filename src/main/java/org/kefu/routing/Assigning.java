package org.kefu.routing;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.kefu.customer.CustomerTier;
import org.kefu.insight.Emotion;
import org.kefu.insight.MessageEmotions;
import org.kefu.ticket.Author;
import org.kefu.ticket.Ticket;
import org.kefu.ticket.TicketNotice;
import org.kefu.ticket.SystemTicketWork;
import org.kefu.ticket.TicketWork;
import org.kefu.ticket.Tickets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives waiting tickets to agents. Each attempt is one short transaction that locks the ticket row,
 * decides on a fresh snapshot of the team ({@link AssignmentPolicy}), then locks the chosen agent's
 * load row and counts the load again: if the agent filled up meanwhile, the attempt changes nothing
 * and the next one decides without that agent. So an automatic assignment never exceeds a maximum,
 * also with several nodes. Always runs in its own transaction (callers may be in an after-commit
 * callback).
 */
@Component
class Assigning {

    enum Outcome {
        ASSIGNED,
        /** The ticket has an agent, no team, or is not in a working status. */
        NOT_WAITING,
        /** The team assigns by hand. */
        MANUAL,
        /** Someone has room, but nobody with the skills the ticket needs. */
        NO_MATCH,
        /** Nobody in the team is available with room: the rest of the queue waits too. */
        NOBODY_FREE
    }

    static final int MAX_ATTEMPTS = 6;
    static final int DRAIN_BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(Assigning.class);

    private final TeamQueues queues;
    private final TeamStrategies strategies;
    private final TeamMembers members;
    private final AgentLoads loads;
    private final AssignmentLog assignmentLog;
    private final Tickets tickets;
    private final TicketWork work;
    private final SystemTicketWork systemWork;
    private final MessageEmotions emotions;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Assigning(TeamQueues queues, TeamStrategies strategies, TeamMembers members, AgentLoads loads,
              AssignmentLog assignmentLog, Tickets tickets, TicketWork work, SystemTicketWork systemWork,
              MessageEmotions emotions, JdbcClient jdbc, PlatformTransactionManager transactionManager, Clock clock) {
        this.queues = queues;
        this.strategies = strategies;
        this.members = members;
        this.loads = loads;
        this.assignmentLog = assignmentLog;
        this.tickets = tickets;
        this.work = work;
        this.systemWork = systemWork;
        this.emotions = emotions;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    private record Attempt(Outcome outcome, Long fullAgent) {
    }

    /** Tries to give one waiting ticket to an agent of its team. */
    Outcome assign(long ticketId) {
        Set<Long> full = new HashSet<>();
        for (int i = 0; i < MAX_ATTEMPTS; i++) {
            Attempt attempt;
            try {
                attempt = transactions.execute(tx -> attempt(ticketId, full));
            } catch (ConcurrencyFailureException e) {
                log.debug("Assigning ticket {} met a concurrent change; trying again", ticketId, e);
                continue;
            }
            if (attempt == null || attempt.fullAgent() == null) {
                return attempt == null ? Outcome.NOT_WAITING : attempt.outcome();
            }
            full.add(attempt.fullAgent());
        }
        return Outcome.NOBODY_FREE;
    }

    /** Assigns the team's waiting tickets in queue order until nobody has room; returns how many were assigned. */
    int drain(long teamId) {
        if (!strategies.of(teamId).automatic()) {
            return 0;
        }
        int assigned = 0;
        for (Long ticketId : queues.next(teamId, DRAIN_BATCH)) {
            Outcome outcome = assign(ticketId);
            if (outcome == Outcome.ASSIGNED) {
                assigned++;
            } else if (outcome == Outcome.NOBODY_FREE || outcome == Outcome.MANUAL) {
                break;
            }
        }
        return assigned;
    }

    /** Drains every automatic team the agent belongs to (they became available, or their load went down). */
    int drainTeamsOf(long agentId) {
        int assigned = 0;
        for (Long teamId : jdbc.sql("select m.team_id from agent_team m join routing_team r on r.team_id = m.team_id "
                + "where m.agent_id = ? and r.strategy <> 'MANUAL' order by m.team_id").param(agentId).query(Long.class).list()) {
            assigned += drain(teamId);
        }
        return assigned;
    }

    private Attempt attempt(long ticketId, Set<Long> full) {
        TeamQueues.Placement placement = queues.lockTicket(ticketId);
        if (placement == null || !placement.waiting()) {
            return new Attempt(Outcome.NOT_WAITING, null);
        }
        long teamId = placement.teamId();
        TeamStrategy strategy = strategies.of(teamId);
        if (!strategy.automatic()) {
            return new Attempt(Outcome.MANUAL, null);
        }
        Ticket ticket = tickets.findById(ticketId).orElse(null);
        if (ticket == null) {
            return new Attempt(Outcome.NOT_WAITING, null);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<AgentSnapshot> team = new ArrayList<>();
        for (AgentSnapshot a : members.of(teamId)) {
            // an agent found full under the lock stays in the team (their skills still count) but without room
            team.add(full.contains(a.agentId()) ? new AgentSnapshot(a.agentId(), a.name(), a.available(), a.maxLoad(),
                    a.maxLoad(), a.lastAssignedAt(), a.presenceSince(), a.skills()) : a);
        }
        Optional<AssignmentChoice> choice = AssignmentPolicy.choose(strategy, needsOf(ticket), team, now);
        if (choice.isEmpty()) {
            return new Attempt(team.stream().anyMatch(AgentSnapshot::canTakeWork) ? Outcome.NO_MATCH : Outcome.NOBODY_FREE, null);
        }
        AgentSnapshot chosen = choice.get().agent();
        AgentLoads.Locked locked = loads.lock(chosen.agentId()).orElse(null);
        if (locked == null || !locked.hasRoom()) {
            return new Attempt(null, chosen.agentId());
        }
        AssignmentChoice decided = new AssignmentChoice(new AgentSnapshot(chosen.agentId(), chosen.name(), true,
                locked.load(), locked.maxLoad(), chosen.lastAssignedAt(), chosen.presenceSince(), chosen.skills()),
                strategy, choice.get().matchedSkills(), choice.get().idle(), choice.get().seniorForVip());
        systemWork.route(ticketId, null, teamId, chosen.agentId(), Author.SYSTEM);
        loads.assigned(chosen.agentId(), now);
        assignmentLog.record(ticketId, teamId, decided, now);
        work.recordNotice(ticketId, notice(decided), Author.SYSTEM);
        return new Attempt(Outcome.ASSIGNED, null);
    }

    /**
     * The agent the team's strategy would pick for the ticket, without assigning anything: for channels
     * that offer work first (a chat is offered, the agent accepts). {@code loads} replaces the ticket
     * load by the channel's own (open chats), against the same maximum; a member missing from it cannot
     * take the work (the channel found them unfit), though their skills still count. Empty for a
     * MANUAL team or when nobody fits.
     */
    Optional<Long> suggest(long teamId, long ticketId, Map<Long, Integer> loads) {
        TeamStrategy strategy = strategies.of(teamId);
        if (!strategy.automatic()) {
            return Optional.empty();
        }
        Ticket ticket = tickets.findById(ticketId).orElse(null);
        if (ticket == null) {
            return Optional.empty();
        }
        List<AgentSnapshot> team = new ArrayList<>();
        for (AgentSnapshot a : members.of(teamId)) {
            team.add(loads == null ? a : new AgentSnapshot(a.agentId(), a.name(), a.available(),
                    loads.getOrDefault(a.agentId(), a.maxLoad()), a.maxLoad(), a.lastAssignedAt(), a.presenceSince(),
                    a.skills()));
        }
        return AssignmentPolicy.choose(strategy, needsOf(ticket), team, clock.instant()).map(c -> c.agent().agentId());
    }

    private TicketNeeds needsOf(Ticket t) {
        CustomerTier tier = t.getCustomer().getTier();
        boolean angry = emotions.latest(t.getId()).map(r -> r.label() == Emotion.ANGRY).orElse(false);
        return new TicketNeeds(t.getCustomer().getPreferredLanguage(), t.getProductRef(), t.getComplaintType(),
                tier != null && CustomerTier.VIP.equalsIgnoreCase(tier.getCode()), angry);
    }

    static TicketNotice notice(AssignmentChoice c) {
        String load = Integer.toString(c.agent().load());
        String max = Integer.toString(c.agent().maxLoad());
        String idle = Long.toString(c.idleMinutes());
        if (c.strategy() == TeamStrategy.ROUND_ROBIN) {
            return TicketNotice.info("routing.assigned.roundRobin", c.agent().name(), load, max, idle);
        }
        return TicketNotice.info(c.seniorForVip() ? "routing.assigned.senior" : "routing.assigned.reason",
                c.agent().name(), c.skillsText(), load, max, idle);
    }
}
