package org.kefu.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
 * sends warnings and records breaches. Each clock is handled in its own short transaction under a
 * row lock, so ticket events and the sweep never overwrite each other. Run by the db-scheduler
 * recurring task "sla-sweep" (one node at a time); tests call {@link #sweep(Instant)} with the time
 * they want.
 */
@Component
class SlaSweep {

    static final int BATCH = 500;
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
            for (SlaClocks.DueRef ref : batch) {
                try {
                    Integer n = transactions.execute(tx -> handle(ref.id(), at, calendarCache));
                    fired += n == null ? 0 : n;
                } catch (RuntimeException e) {
                    log.warn("SLA clock {} could not be swept; it is retried on the next run", ref.id(), e);
                }
            }
            if (batch.size() < BATCH) {
                return fired;
            }
            SlaClocks.DueRef last = batch.getLast();
            afterDue = last.nextDueAt();
            afterId = last.id();
        }
    }

    private int handle(long id, Instant now, Map<Long, BusinessCalendar> calendarCache) {
        SlaClock c = clocks.lockIfDue(id, now).orElse(null);
        if (c == null) {
            return 0; // changed by a ticket event meanwhile
        }
        BusinessCalendar calendar = calendarCache.computeIfAbsent(c.calendarId(),
                k -> calendars.calendar(k).orElseThrow(() -> new IllegalStateException("calendar " + k + " missing")));
        int fired = 0;
        SlaClock updated = c;
        if (updated.warningDue(now)) {
            updated = updated.markWarned();
            if (!updated.breachDue(now)) {
                events.publishEvent(new SlaEvents.SlaWarning(c.ticketId(), c.metric(), c.policyId(), c.dueAt(),
                        calendar.businessTimeBetween(now, c.dueAt())));
                fired++;
            }
        }
        if (updated.breachDue(now)) {
            updated = updated.markBreached();
            Duration overdue = calendar.businessTimeBetween(c.dueAt(), now);
            SlaClock saved = clocks.save(updated, now);
            clocks.recordBreach(saved, now, overdue);
            events.publishEvent(new SlaEvents.SlaBreached(c.ticketId(), c.metric(), c.policyId(), c.dueAt(), now, overdue));
            return fired + 1;
        }
        clocks.save(updated, now);
        return fired;
    }
}
