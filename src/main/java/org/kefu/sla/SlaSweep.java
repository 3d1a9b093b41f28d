package org.kefu.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finds the clocks whose next_due_at has come (index ix_sla_clock_next_due, keyset batches) and
 * sends warnings and records breaches. Clocks are handled {@value #TOGETHER} at a time in one short
 * transaction under their row locks, so ticket events and the sweep never overwrite each other; if
 * one of them fails, the others of its group are handled again one by one and only that one waits
 * for the next run. Run by the db-scheduler recurring task "sla-sweep" (one node at a time); tests
 * call {@link #sweep(Instant)} with the time they want.
 */
@Component
class SlaSweep {

    static final int BATCH = 500;
    /**
     * Clocks per transaction: a breach costs an update and an insert, not five statements with its own transaction, and
     * the group's updates and inserts go as one JDBC batch each (two round trips for up to fifty clocks).
     */
    static final int TOGETHER = 50;
    private static final Logger log = LoggerFactory.getLogger(SlaSweep.class);

    private final SlaClocks clocks;
    private final ManagingCalendars calendars;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;

    SlaSweep(SlaClocks clocks, ManagingCalendars calendars, ApplicationEventPublisher events,
             PlatformTransactionManager transactionManager) {
        this.clocks = clocks;
        this.calendars = calendars;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** Handles every clock due at {@code now}; returns how many warnings and breaches it recorded. */
    int sweep(Instant now) {
        Instant at = now.truncatedTo(ChronoUnit.MICROS);
        Map<Long, BusinessCalendar> calendarCache = new HashMap<>();
        Instant afterDue = Instant.parse("1970-01-01T00:00:00Z");
        long afterId = -1;
        int fired = 0;
        while (true) {
            List<SlaClocks.DueRef> batch = clocks.due(at, afterDue, afterId, BATCH);
            for (int from = 0; from < batch.size(); from += TOGETHER) {
                List<Long> ids = batch.subList(from, Math.min(from + TOGETHER, batch.size())).stream()
                        .map(SlaClocks.DueRef::id).toList();
                fired += handleTogether(ids, at, calendarCache);
            }
            if (batch.size() < BATCH) {
                return fired;
            }
            SlaClocks.DueRef last = batch.getLast();
            afterDue = last.nextDueAt();
            afterId = last.id();
        }
    }

    /** Handles the clocks still due among {@code ids} in one transaction; one by one if that fails. */
    private int handleTogether(List<Long> ids, Instant now, Map<Long, BusinessCalendar> calendarCache) {
        try {
            Integer n = transactions.execute(tx -> {
                Swept swept = new Swept();
                // a clock changed by a ticket event meanwhile is no longer due and not returned
                for (SlaClock c : clocks.lockIfDue(ids, now)) {
                    handle(c, now, calendarCache, swept);
                }
                clocks.updateAll(swept.changed, now);
                clocks.recordBreaches(swept.breaches);
                swept.events.forEach(events::publishEvent);
                return swept.events.size();
            });
            return n == null ? 0 : n;
        } catch (RuntimeException e) {
            if (ids.size() == 1) {
                log.warn("SLA clock {} could not be swept; it is retried on the next run", ids.getFirst(), e);
                return 0;
            }
            int fired = 0;
            for (long id : ids) {
                fired += handleTogether(List.of(id), now, calendarCache);
            }
            return fired;
        }
    }

    /** What one transaction of the sweep writes: each clock's update and each breach as one batch, then the events. */
    private static final class Swept {
        final List<SlaClock> changed = new ArrayList<>();
        final List<SlaClocks.NewBreach> breaches = new ArrayList<>();
        final List<Object> events = new ArrayList<>();
    }

    private void handle(SlaClock c, Instant now, Map<Long, BusinessCalendar> calendarCache, Swept swept) {
        BusinessCalendar calendar = calendarCache.computeIfAbsent(c.calendarId(),
                k -> calendars.calendar(k).orElseThrow(() -> new IllegalStateException("calendar " + k + " missing")));
        SlaClock updated = c;
        if (updated.warningDue(now)) {
            updated = updated.markWarned();
            if (!updated.breachDue(now)) {
                swept.events.add(new SlaEvents.SlaWarning(c.ticketId(), c.metric(), c.policyId(), c.dueAt(),
                        calendar.businessTimeBetween(now, c.dueAt())));
            }
        }
        if (updated.breachDue(now)) {
            updated = updated.markBreached();
            Duration overdue = calendar.businessTimeBetween(c.dueAt(), now);
            swept.breaches.add(new SlaClocks.NewBreach(updated, now, overdue));
            swept.events.add(new SlaEvents.SlaBreached(c.ticketId(), c.metric(), c.policyId(), c.dueAt(), now, overdue));
        }
        swept.changed.add(updated);
    }
}
