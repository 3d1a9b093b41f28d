package org.kefu.priority;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.kefu.collaboration.AskingDepartments;
import org.kefu.collaboration.TaskEvents;
import org.kefu.customer.CustomerDirectory;
import org.kefu.customer.TierRanking;
import org.kefu.insight.EmotionReading;
import org.kefu.insight.InsightEvents;
import org.kefu.insight.MessageEmotions;
import org.kefu.ticket.Author;
import org.kefu.ticket.LinkingTickets;
import org.kefu.ticket.Priority;
import org.kefu.ticket.Ticket;
import org.kefu.ticket.SystemTicketWork;
import org.kefu.ticket.TicketEvents;
import org.kefu.ticket.TicketWork;
import org.kefu.ticket.LoadedTickets;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Computes a ticket's score when it opens and again whenever one of its inputs may have changed,
 * inside the ticket's own transaction, and sets the ticket's priority while nothing pins it.
 *
 * <p>No loop: setting the priority publishes {@code TicketUpdated}, which calls back here for the same
 * ticket while it is being computed; that nested call is skipped, and a recompute with unchanged inputs
 * changes nothing anyway (the score does not depend on the priority). No fight: when the ticket's
 * priority differs from the one the score last set, a person or a rule chose it; it is pinned as
 * {@code MANUAL} until an agent clears it.
 */
@Component
class Prioritising {

    /** How a ticket without a stored score is treated. */
    enum Start {
        /** just opened with the default priority: the score sets it */
        AUTOMATIC,
        /** just opened with a priority its opener chose: keep it */
        CHOSEN,
        /** an existing ticket seen for the first time (it predates scoring): keep its priority */
        EXISTING
    }

    private static final ThreadLocal<Set<Long>> RUNNING = ThreadLocal.withInitial(HashSet::new);

    private final LoadedTickets tickets;
    private final TicketWork work;
    private final SystemTicketWork systemWork;
    private final LinkingTickets linking;
    private final CustomerDirectory customers;
    private final AskingDepartments asking;
    private final MessageEmotions emotions;
    private final PrioritySettings settings;
    private final TicketPriorityStore store;
    private final Clock clock;

    Prioritising(LoadedTickets tickets, TicketWork work, SystemTicketWork systemWork, LinkingTickets linking,
            CustomerDirectory customers, MessageEmotions emotions, AskingDepartments asking, PrioritySettings settings, TicketPriorityStore store, Clock clock) {
        this.tickets = tickets;
        this.work = work;
        this.systemWork = systemWork;
        this.linking = linking;
        this.customers = customers;
        this.asking = asking;
        this.emotions = emotions;
        this.settings = settings;
        this.store = store;
        this.clock = clock;
    }

    /** First among the listeners, so SLA policies and routing see the computed priority. */
    @EventListener
    @Order(Ordered.HIGHEST_PRECEDENCE)
    @Transactional
    void opened(TicketEvents.TicketOpened e) {
        long ticketId = e.ticketId();
        // The opening message is read for emotion first (its EmotionRead is skipped below while the ticket
        // is running), so a new ticket is scored once, with its emotion, instead of twice.
        Optional<EmotionReading> reading;
        RUNNING.get().add(ticketId);
        try {
            reading = emotions.readOpening(e);
        } finally {
            RUNNING.get().remove(ticketId);
        }
        recompute(ticketId, e.priorityChosen() ? Start.CHOSEN : Start.AUTOMATIC, reading);
    }

    @EventListener
    @Transactional
    void updated(TicketEvents.TicketUpdated e) {
        recompute(e.ticketId(), Start.EXISTING);
    }

    @EventListener
    @Transactional
    void statusChanged(TicketEvents.TicketStatusChanged e) {
        recompute(e.ticketId(), Start.EXISTING);
    }

    @EventListener
    @Transactional
    void linked(TicketEvents.TicketsLinked e) {
        recompute(e.sourceId(), Start.EXISTING);
        recompute(e.targetId(), Start.EXISTING);
    }

    /**
     * A customer message was read for emotion (in the transaction that recorded it). Recomputes only
     * when the reading changes the emotion signal the stored score holds: a calm message on a new
     * ticket, the common case, costs no second scoring of the ticket it was just scored for.
     */
    @EventListener
    @Transactional
    void emotionRead(InsightEvents.EmotionRead e) {
        if (RUNNING.get().contains(e.ticketId())) {
            return; // read while the ticket is being scored, which takes this reading into account
        }
        int now = PrioritySignals.emotion(e.label(), e.intensity()).value();
        int stored = store.find(e.ticketId()).flatMap(p -> p.score().signals().stream()
                .filter(signal -> signal.key().equals("emotion")).findFirst()).map(Signal::value).orElse(0);
        if (now != stored) {
            recompute(e.ticketId(), Start.EXISTING);
        }
    }

    @EventListener
    @Transactional
    void taskOpened(TaskEvents.TaskOpened e) {
        recompute(e.ticketId(), Start.EXISTING);
    }

    @EventListener
    @Transactional
    void taskClosed(TaskEvents.TaskAnswered e) {
        recompute(e.ticketId(), Start.EXISTING);
    }

    @EventListener
    @Transactional
    void taskCancelled(TaskEvents.TaskCancelled e) {
        recompute(e.ticketId(), Start.EXISTING);
    }

    /** Recomputes and stores the score; sets the priority when nothing pins it. Returns the stored state. */
    @Transactional
    Optional<TicketPriority> recompute(long ticketId, Start start) {
        return recompute(ticketId, start, Optional.empty());
    }

    /** {@code openingReading}: for a ticket being opened, the reading of its opening message. */
    private Optional<TicketPriority> recompute(long ticketId, Start start, Optional<EmotionReading> openingReading) {
        if (!RUNNING.get().add(ticketId)) {
            return Optional.empty();
        }
        try {
            Optional<Ticket> found = tickets.find(ticketId);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            Ticket ticket = found.get();
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            // Opening: this listener runs first, inside the opening transaction, so the ticket has no stored
            // score, links or tasks yet, and its one reading came with the call; asking would be four queries.
            boolean opening = start != Start.EXISTING;
            PriorityScore score = PriorityScoring.score(signals(ticket, now, opening, openingReading), settings.rules());
            Optional<TicketPriority> before = opening ? Optional.empty() : store.lock(ticketId);
            Priority current = ticket.getPriority();
            TicketPriority.Pin pin;
            if (before.isEmpty()) {
                pin = switch (start) {
                    case AUTOMATIC -> null;
                    case CHOSEN -> new TicketPriority.Pin(TicketPriority.PinOrigin.OPENED, current, null, null, null, now);
                    case EXISTING -> new TicketPriority.Pin(TicketPriority.PinOrigin.MANUAL, current, null, null, null, now);
                };
            } else {
                pin = before.get().pin();
                Priority applied = before.get().applied();
                if (pin == null && applied != null && applied != current
                        || pin != null && pin.priority() != current) {
                    pin = new TicketPriority.Pin(TicketPriority.PinOrigin.MANUAL, current, null, null, null, now);
                }
            }
            boolean setsPriority = pin == null && ticket.getStatus().isActive();
            Instant review = setsPriority && ticket.getDemandDeadline() != null
                    ? PrioritySignals.nextReviewIn(Duration.between(now, ticket.getDemandDeadline())).map(now::plus).orElse(null)
                    : null;
            TicketPriority result = new TicketPriority(ticketId, score, setsPriority ? score.priority() : current, pin, now,
                    review);
            if (before.isEmpty()) {
                store.insert(result);
            } else {
                store.save(result);
            }
            if (setsPriority && current != score.priority()) {
                systemWork.prioritise(ticketId, score.priority(), Author.SYSTEM);
            }
            return Optional.of(result);
        } finally {
            RUNNING.get().remove(ticketId);
        }
    }

    private List<Signal> signals(Ticket ticket, Instant now, boolean opening, Optional<EmotionReading> openingReading) {
        List<Signal> signals = new ArrayList<>();
        if (ticket.getDemandDeadline() != null) {
            signals.add(PrioritySignals.deadline(Duration.between(now, ticket.getDemandDeadline())));
        }
        signals.add(PrioritySignals.channel(ticket.getChannel()));
        (opening ? openingReading : emotions.latest(ticket.getId()))
                .ifPresent(r -> signals.add(PrioritySignals.emotion(r.label(), r.intensity())));
        signals.add(PrioritySignals.linkedTickets(opening ? 0 : linking.countLinks(ticket.getId())));
        customers.tierOf(ticket.getCustomer()).ifPresent(tier -> {
            TierRanking all = customers.tierRanking();
            signals.add(PrioritySignals.tier(tier.name(), tier.rank(), all.lowestRank(tier.rank()), all.highestRank(tier.rank())));
        });
        signals.add(PrioritySignals.lifetimeValue(ticket.getCustomer().getLifetimeValue()));
        if (ticket.getComplaintType() != null) {
            signals.add(PrioritySignals.complaintType(ticket.getComplaintType()));
        }
        signals.add(PrioritySignals.departments(1 + (opening ? 0 : asking.departmentsAsked(ticket.getId(), ticket.getDepartmentId()).size())));
        return signals;
    }
}
