package org.kefu.sla;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.kefu.customer.CustomerDirectory;
import org.kefu.ticket.Ticket;
import org.kefu.ticket.TicketEvents;
import org.kefu.ticket.TicketStatus;
import org.kefu.ticket.LoadedTickets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts, pauses, resumes and stops a ticket's SLA clocks as the ticket changes. Runs in the
 * ticket's own transaction, so a ticket and its clocks always agree.
 */
@Component
class TicketClocks {

    private static final Logger log = LoggerFactory.getLogger(TicketClocks.class);
    /** A ticket opened with a creation time further back than this (an import, demo data) gets no clocks. */
    static final Duration BACKDATED = Duration.ofHours(1);

    private final LoadedTickets tickets;
    private final SlaPolicies policies;
    private final SlaClocks clocks;
    private final ManagingCalendars calendars;
    private final ApplicationEventPublisher events;
    private final TicketDueColumn dueColumn;
    private final Clock clock;
    private final CustomerDirectory customers;

    TicketClocks(LoadedTickets tickets, SlaPolicies policies, SlaClocks clocks, ManagingCalendars calendars,
                 ApplicationEventPublisher events, TicketDueColumn dueColumn, Clock clock, CustomerDirectory customers) {
        this.customers = customers;
        this.dueColumn = dueColumn;
        this.tickets = tickets;
        this.policies = policies;
        this.clocks = clocks;
        this.calendars = calendars;
        this.events = events;
        this.clock = clock;
    }

    private TicketFacts factsOf(Ticket t) {
        return new TicketFacts(customers.tierOf(t.getCustomer()).map(tier -> tier.code()).orElse(null),
                t.getPriority() == null ? null : t.getPriority().name(), t.getChannel() == null ? null : t.getChannel().name(),
                t.getComplaintType(), t.getCustomer().getOrganisation().map(o -> o.getName()).orElse(null), t.getTags());
    }

    /**
     * Before a new ticket is inserted: the due time its clocks will start with goes into the insert, so the
     * common case (a policy matches, nothing changes the ticket before {@link #opened}) needs no update of the new
     * row. Only what {@link #startingClocks} decides from the unsaved ticket; nothing is written here.
     */
    @EventListener
    void opening(TicketEvents.TicketOpening e) {
        Ticket ticket = e.ticket();
        ticket.startSlaDue(earliestRunningDue(startingClocks(ticket, 0), ticket.getStatus()));
    }

    @EventListener
    @Transactional
    void opened(TicketEvents.TicketOpened e) {
        Optional<Ticket> ticket = tickets.find(e.ticketId());
        if (ticket.isEmpty()) {
            return;
        }
        List<SlaClock> started = startingClocks(ticket.get(), e.ticketId());
        Instant now = now();
        clocks.insertAll(started, now);
        if (!started.isEmpty() && ticket.get().getStatus() == TicketStatus.PENDING_CUSTOMER) {
            statusChangedClocks(new TicketEvents.TicketStatusChanged(e.ticketId(), TicketStatus.NEW, TicketStatus.PENDING_CUSTOMER));
        }
        // The insert carried the due time worked out before it (opening); the column needs writing only when the
        // clocks differ from that (a listener before this one changed the priority, so another policy matched).
        if (!Objects.equals(earliestRunningDue(started, ticket.get().getStatus()), ticket.get().getSlaNextDueAt())) {
            dueColumn.refresh(e.ticketId());
        }
    }

    /** The clocks a new ticket starts with, unsaved; none when no policy with targets matches or it is backdated. */
    private List<SlaClock> startingClocks(Ticket ticket, long ticketId) {
        if (ticket.getCreatedAt() != null && ticket.getCreatedAt().isBefore(now().minus(BACKDATED))) {
            return List.of(); // imported history or demo data: its SLA is not measured live
        }
        Optional<SlaPolicy> policy = SlaPolicy.firstMatch(policies.ordered(), factsOf(ticket));
        if (policy.isEmpty()) {
            return List.of();
        }
        BusinessCalendar calendar = null;
        Instant at = ticket.getCreatedAt() == null ? now() : ticket.getCreatedAt().truncatedTo(ChronoUnit.MICROS);
        List<SlaClock> started = new ArrayList<>();
        for (SlaMetric metric : List.of(SlaMetric.FIRST_RESPONSE, SlaMetric.RESOLUTION)) {
            Optional<Duration> target = policy.get().target(metric);
            if (target.isPresent()) {
                calendar = calendar == null ? calendar(policy.get().calendarId()) : calendar;
                started.add(SlaClock.start(ticketId, metric, policy.get(), target.get(), calendar, at));
            }
        }
        return started;
    }

    /** What the due column holds for these new clocks: a ticket opened waiting on the customer has them paused. */
    private static Instant earliestRunningDue(List<SlaClock> started, TicketStatus status) {
        if (status == TicketStatus.PENDING_CUSTOMER) {
            return null;
        }
        return started.stream().map(SlaClock::dueAt).min(Comparator.naturalOrder()).orElse(null);
    }

    @EventListener
    @Transactional
    void customerWrote(TicketEvents.CustomerMessageReceived e) {
        // A customer who writes again while a response clock already runs (a chat, a follow-up mail) changes no
        // clock, so the ticket's due column stays as it is: no update of the ticket row for every message.
        if (customerWroteClocks(e)) {
            dueColumn.refresh(e.ticketId());
        }
    }

    /** Whether a clock changed. */
    private boolean customerWroteClocks(TicketEvents.CustomerMessageReceived e) {
        Instant now = now();
        Map<SlaMetric, SlaClock> byMetric = lock(e.ticketId());
        if (byMetric.isEmpty()) {
            return false;
        }
        boolean resumed = resumeAll(byMetric, now);
        SlaClock first = byMetric.get(SlaMetric.FIRST_RESPONSE);
        if (first != null && first.isActive()) {
            return resumed; // still waiting for the first reply: that clock covers this message
        }
        SlaClock next = byMetric.get(SlaMetric.NEXT_RESPONSE);
        if (next != null) {
            if (!next.isActive()) {
                clocks.save(next.restart(now, calendar(next.calendarId())), now);
                return true;
            }
            return resumed;
        }
        SlaClock any = byMetric.values().iterator().next();
        if (any.policyId() == null) {
            return resumed;
        }
        boolean started = policies.find(any.policyId()).flatMap(policy -> policy.target(SlaMetric.NEXT_RESPONSE).map(target ->
                clocks.save(SlaClock.start(e.ticketId(), SlaMetric.NEXT_RESPONSE, policy, target,
                        calendar(policy.calendarId()), now), now))).isPresent();
        return resumed || started;
    }

    @EventListener
    @Transactional
    void agentReplied(TicketEvents.AgentReplied e) {
        agentRepliedClocks(e);
        dueColumn.refresh(e.ticketId());
    }

    private void agentRepliedClocks(TicketEvents.AgentReplied e) {
        Instant now = now();
        Map<SlaMetric, SlaClock> byMetric = lock(e.ticketId());
        for (SlaMetric metric : List.of(SlaMetric.FIRST_RESPONSE, SlaMetric.NEXT_RESPONSE)) {
            SlaClock c = byMetric.get(metric);
            if (c != null && c.isActive()) {
                meet(c, now);
            }
        }
    }

    @EventListener
    @Transactional
    void statusChanged(TicketEvents.TicketStatusChanged e) {
        statusChangedClocks(e);
        dueColumn.refresh(e.ticketId());
    }

    private void statusChangedClocks(TicketEvents.TicketStatusChanged e) {
        Instant now = now();
        Map<SlaMetric, SlaClock> byMetric = lock(e.ticketId());
        for (SlaClock c : byMetric.values()) {
            switch (e.to()) {
                case PENDING_CUSTOMER -> save(c.pause(now), c, now);
                case PENDING_INTERNAL -> save(c.pauseOnInternal() ? c.pause(now) : c.resume(now, calendar(c.calendarId())), c, now);
                case NEW, OPEN -> save(c.resume(now, calendar(c.calendarId())), c, now);
                case RESOLVED, CLOSED -> {
                    if (c.metric() == SlaMetric.RESOLUTION) {
                        meet(c, now);
                    } else {
                        save(c.stop(), c, now);
                    }
                }
                case REOPENED -> {
                    if (c.metric() == SlaMetric.RESOLUTION && !c.isActive()) {
                        clocks.save(c.restart(now, calendar(c.calendarId())), now);
                    } else {
                        save(c.resume(now, calendar(c.calendarId())), c, now);
                    }
                }
            }
        }
    }

    /**
     * Fields, tags or placement changed: when another policy now matches (e.g. the priority was raised
     * to P1 for a VIP), running clocks take its targets and calendar, and targets it adds start from
     * the ticket's opening.
     */
    @EventListener
    @Transactional
    void updated(TicketEvents.TicketUpdated e) {
        // Most edits match the same policy (or the ticket has no clocks): no clock changes, nor does the due column.
        if (updatedClocks(e)) {
            dueColumn.refresh(e.ticketId());
        }
    }

    /** Whether the clocks took another policy's targets. */
    private boolean updatedClocks(TicketEvents.TicketUpdated e) {
        Map<SlaMetric, SlaClock> byMetric = lock(e.ticketId());
        if (byMetric.isEmpty() || byMetric.values().stream().noneMatch(SlaClock::isActive)) {
            return false;
        }
        Optional<Ticket> ticket = tickets.find(e.ticketId());
        if (ticket.isEmpty() || !ticket.get().getStatus().isActive()) {
            return false;
        }
        Optional<SlaPolicy> policy = SlaPolicy.firstMatch(policies.ordered(), factsOf(ticket.get()));
        Long current = byMetric.values().stream().map(SlaClock::policyId).filter(Objects::nonNull).findFirst().orElse(null);
        if (policy.isEmpty() || policy.get().id().equals(current)) {
            return false;
        }
        Instant now = now();
        BusinessCalendar calendar = calendar(policy.get().calendarId());
        for (SlaClock c : byMetric.values()) {
            policy.get().target(c.metric()).ifPresent(target -> save(c.retarget(policy.get(), target, calendar, now), c, now));
        }
        for (SlaMetric metric : List.of(SlaMetric.FIRST_RESPONSE, SlaMetric.RESOLUTION)) {
            if (!byMetric.containsKey(metric) && (metric != SlaMetric.FIRST_RESPONSE || ticket.get().getFirstResponseAt() == null)) {
                Instant opened = ticket.get().getCreatedAt().truncatedTo(ChronoUnit.MICROS);
                policy.get().target(metric).ifPresent(target ->
                        clocks.save(SlaClock.start(e.ticketId(), metric, policy.get(), target, calendar, opened), now));
            }
        }
        return true;
    }

    @EventListener
    @Transactional
    void merged(TicketEvents.TicketsMerged e) {
        mergedClocks(e);
        dueColumn.refresh(e.mergedId());
    }

    private void mergedClocks(TicketEvents.TicketsMerged e) {
        Instant now = now();
        lock(e.mergedId()).values().forEach(c -> save(c.stop(), c, now));
    }

    private void meet(SlaClock c, Instant now) {
        SlaClock met = c.meet(now);
        SlaClock saved = clocks.save(met, now);
        if (met.breached()) {
            Duration overdue = calendar(c.calendarId()).businessTimeBetween(c.dueAt(), now);
            if (c.breached()) {
                clocks.closeBreach(saved, overdue);
            } else {
                // met late before the sweep noticed: record the breach now
                clocks.recordBreach(saved, now, overdue);
                events.publishEvent(new SlaEvents.SlaBreached(c.ticketId(), c.metric(), c.policyId(), c.dueAt(), now, overdue));
            }
        }
    }

    /** Resumes the paused clocks; whether there was one. */
    private boolean resumeAll(Map<SlaMetric, SlaClock> byMetric, Instant now) {
        boolean[] any = {false};
        byMetric.replaceAll((metric, c) -> {
            if (c.state() != SlaClock.State.PAUSED) {
                return c; // nothing to resume: no calendar needed
            }
            SlaClock resumed = c.resume(now, calendar(c.calendarId()));
            if (resumed == c) {
                return c;
            }
            any[0] = true;
            return clocks.save(resumed, now);
        });
        return any[0];
    }

    private void save(SlaClock changed, SlaClock before, Instant now) {
        if (!changed.equals(before)) {
            clocks.save(changed, now);
        }
    }

    private Map<SlaMetric, SlaClock> lock(long ticketId) {
        Map<SlaMetric, SlaClock> result = new HashMap<>();
        clocks.ofTicketForUpdate(ticketId).forEach(c -> result.put(c.metric(), c));
        return result;
    }

    private BusinessCalendar calendar(long id) {
        return calendars.calendar(id).orElseThrow(() -> {
            log.error("SLA calendar {} is missing", id);
            return new IllegalStateException("SLA calendar " + id + " is missing");
        });
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
