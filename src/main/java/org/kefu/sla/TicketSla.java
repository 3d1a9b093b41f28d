package org.kefu.sla;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kefu.platform.Actor;
import org.kefu.ticket.TicketWork;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A ticket's SLA as the desk shows it: each clock's due time, business time left, pause and breach. */
@Service
@Transactional(readOnly = true)
public class TicketSla {

    private final TicketWork work;
    private final SlaClocks clocks;
    private final SlaPolicies policies;
    private final ManagingCalendars calendars;
    private final Clock clock;

    TicketSla(TicketWork work, SlaClocks clocks, SlaPolicies policies, ManagingCalendars calendars, Clock clock) {
        this.work = work;
        this.clocks = clocks;
        this.policies = policies;
        this.calendars = calendars;
        this.clock = clock;
    }

    /** Only for a ticket the actor may see (else not found, like the ticket itself). */
    public Status of(long ticketId, Actor actor) {
        work.get(ticketId, actor);
        Instant now = clock.instant();
        Map<Long, BusinessCalendar> cache = new HashMap<>();
        List<ClockStatus> list = clocks.ofTicket(ticketId).stream()
                .sorted(Comparator.comparing(SlaClock::metric))
                .map(c -> {
                    BusinessCalendar calendar = cache.computeIfAbsent(c.calendarId(), id -> calendars.calendar(id).orElseThrow());
                    Duration remaining = c.remaining(now, calendar);
                    boolean aboutToBreach = c.isActive() && !c.breached() && (c.warned() || !c.warnAt().isAfter(now));
                    boolean overdue = c.isActive() && (c.breached() || c.dueAt().isBefore(now));
                    return new ClockStatus(c.metric(), c.state(), c.cycle(), c.target(), c.startedAt(), c.dueAt(), c.warnAt(),
                            remaining, c.state() == SlaClock.State.PAUSED, c.pausedAt(), c.pausedBusinessTime(), c.metAt(),
                            c.breached() || overdue, aboutToBreach && !overdue);
                })
                .toList();
        Long policyId = clocks.ofTicket(ticketId).stream().map(SlaClock::policyId).filter(java.util.Objects::nonNull)
                .findFirst().orElse(null);
        String policyName = policyId == null ? null : policies.find(policyId).map(SlaPolicy::name).orElse(null);
        List<Breach> breaches = clocks.breachesOf(ticketId).stream()
                .map(b -> new Breach(b.metric(), b.cycle(), b.dueAt(), b.detectedAt(), b.metAt(), b.overdueBusinessTime(), b.overdue()))
                .toList();
        return new Status(ticketId, policyId, policyName, list, breaches);
    }

    public record Status(long ticketId, Long policyId, String policyName, List<ClockStatus> clocks, List<Breach> breaches) {
    }

    /**
     * {@code remaining} is business time left (negative when overdue, frozen while paused, null when
     * met or stopped); {@code aboutToBreach} once the warning point (default 80 %) has passed.
     */
    public record ClockStatus(SlaMetric metric, SlaClock.State state, int cycle, Duration target, Instant startedAt,
                              Instant dueAt, Instant warnAt, Duration remaining, boolean paused, Instant pausedAt,
                              Duration pausedBusinessTime, Instant metAt, boolean breached, boolean aboutToBreach) {
    }

    public record Breach(SlaMetric metric, int cycle, Instant dueAt, Instant detectedAt, Instant metAt,
                         Duration overdueBusinessTime, Duration overdue) {
    }
}
