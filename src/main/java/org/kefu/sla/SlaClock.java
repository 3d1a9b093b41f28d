package org.kefu.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One measured target of one ticket, e.g. its first response. Pure state transitions; all business
 * time comes from the calendar passed in. A pause stops the clock; on resume the due and warning
 * times move by the business time that passed while paused, so the business time allowed stays the
 * target. A breached clock does not pause (there is nothing left to extend) but can still be met,
 * which records by how much it was missed.
 */
public record SlaClock(Long id, long ticketId, SlaMetric metric, Long policyId, long calendarId, Duration target,
                       int warnPercent, boolean pauseOnInternal, int cycle, State state, Instant startedAt,
                       Instant dueAt, Instant warnAt, Instant pausedAt, Duration pausedBusinessTime, Instant metAt,
                       boolean warned, boolean breached, long version) {

    public enum State {
        RUNNING, PAUSED, MET, STOPPED
    }

    static SlaClock start(long ticketId, SlaMetric metric, SlaPolicy policy, Duration target, BusinessCalendar calendar,
                          Instant at) {
        return new SlaClock(null, ticketId, metric, policy.id(), policy.calendarId(), target, policy.warnPercent(),
                policy.pauseOnInternal(), 1, State.RUNNING, at, calendar.addBusinessTime(at, target),
                calendar.addBusinessTime(at, warnShare(target, policy.warnPercent())), null, Duration.ZERO, null,
                false, false, 0);
    }

    /** The same target measured again from {@code at} (a new customer message, a reopened ticket). */
    SlaClock restart(Instant at, BusinessCalendar calendar) {
        return new SlaClock(id, ticketId, metric, policyId, calendarId, target, warnPercent, pauseOnInternal, cycle + 1,
                State.RUNNING, at, calendar.addBusinessTime(at, target),
                calendar.addBusinessTime(at, warnShare(target, warnPercent)), null, Duration.ZERO, null, false, false,
                version);
    }

    /**
     * The same clock measured against another policy's target and calendar (the ticket's priority,
     * tier or tags changed so another policy applies). Only a running, unbreached clock moves; its
     * business time already paused still extends it. A new due time already past is breached by the
     * next sweep.
     */
    SlaClock retarget(SlaPolicy policy, Duration newTarget, BusinessCalendar calendar, Instant now) {
        if (state != State.RUNNING || breached) {
            return this;
        }
        Instant due = calendar.addBusinessTime(startedAt, newTarget.plus(pausedBusinessTime));
        Instant warn = calendar.addBusinessTime(startedAt, warnShare(newTarget, policy.warnPercent()).plus(pausedBusinessTime));
        boolean stillWarned = warned && !warn.isAfter(now);
        return new SlaClock(id, ticketId, metric, policy.id(), policy.calendarId(), newTarget, policy.warnPercent(),
                policy.pauseOnInternal(), cycle, state, startedAt, due, warn, pausedAt, pausedBusinessTime, metAt,
                stillWarned, false, version);
    }

    boolean isActive() {
        return state == State.RUNNING || state == State.PAUSED;
    }

    SlaClock pause(Instant at) {
        if (state != State.RUNNING || breached) {
            return this;
        }
        return with(State.PAUSED, dueAt, warnAt, at, pausedBusinessTime, metAt, warned, breached);
    }

    SlaClock resume(Instant at, BusinessCalendar calendar) {
        if (state != State.PAUSED) {
            return this;
        }
        Duration paused = calendar.businessTimeBetween(pausedAt, at);
        Instant newDue = moved(dueAt, at, calendar);
        Instant newWarn = warned ? warnAt : moved(warnAt, at, calendar);
        return with(State.RUNNING, newDue, newWarn, null, pausedBusinessTime.plus(paused.isNegative() ? Duration.ZERO : paused),
                metAt, warned, breached);
    }

    /** A point in time still ahead when the clock paused moves to keep the business time left before it. */
    private Instant moved(Instant point, Instant resumedAt, BusinessCalendar calendar) {
        Duration left = calendar.businessTimeBetween(pausedAt, point);
        if (!left.isPositive() || !point.isAfter(pausedAt)) {
            return point;
        }
        return calendar.addBusinessTime(resumedAt, left);
    }

    SlaClock meet(Instant at) {
        if (!isActive()) {
            return this;
        }
        return with(State.MET, dueAt, warnAt, null, pausedBusinessTime, at, warned, breached || at.isAfter(dueAt));
    }

    SlaClock stop() {
        if (!isActive()) {
            return this;
        }
        return with(State.STOPPED, dueAt, warnAt, null, pausedBusinessTime, metAt, warned, breached);
    }

    SlaClock markWarned() {
        return with(state, dueAt, warnAt, pausedAt, pausedBusinessTime, metAt, true, breached);
    }

    SlaClock markBreached() {
        return with(state, dueAt, warnAt, pausedAt, pausedBusinessTime, metAt, true, true);
    }

    /** True when the warning point has come (at or after warn_at). */
    boolean warningDue(Instant now) {
        return state == State.RUNNING && !warned && !warnAt.isAfter(now);
    }

    /** True when the due time has passed: a reply exactly at the due time is still in time. */
    boolean breachDue(Instant now) {
        return state == State.RUNNING && !breached && dueAt.isBefore(now);
    }

    /** When the sweep must look at this clock next: the warning, then just after the due time; null if never. */
    Instant nextDueAt() {
        if (state != State.RUNNING) {
            return null;
        }
        if (!warned) {
            return warnAt;
        }
        return breached ? null : dueAt.plusMillis(1);
    }

    /** Business time left (negative when overdue); the frozen remainder while paused; null when finished. */
    Duration remaining(Instant now, BusinessCalendar calendar) {
        return switch (state) {
            case RUNNING -> calendar.businessTimeBetween(now, dueAt);
            case PAUSED -> calendar.businessTimeBetween(pausedAt, dueAt);
            case MET, STOPPED -> null;
        };
    }

    static Duration warnShare(Duration target, int percent) {
        return Duration.ofMillis(target.toMillis() * percent / 100);
    }

    /**
     * The clock as the row holds it after a save: its id and version, its times at the columns' precision
     * (microseconds) and its durations in whole seconds, so a saved clock equals the same clock read back.
     */
    SlaClock stored(long storedId, long storedVersion) {
        return new SlaClock(storedId, ticketId, metric, policyId, calendarId, Duration.ofSeconds(target.toSeconds()),
                warnPercent, pauseOnInternal, cycle, state, micros(startedAt), micros(dueAt), micros(warnAt),
                micros(pausedAt), Duration.ofSeconds(pausedBusinessTime.toSeconds()),
                micros(metAt), warned, breached, storedVersion);
    }

    private static Instant micros(Instant t) {
        return t == null ? null : t.truncatedTo(ChronoUnit.MICROS);
    }

    private SlaClock with(State newState, Instant due, Instant warn, Instant paused, Duration pausedTotal, Instant met,
                          boolean isWarned, boolean isBreached) {
        return new SlaClock(id, ticketId, metric, policyId, calendarId, target, warnPercent, pauseOnInternal, cycle,
                newState, startedAt, due, warn, paused, pausedTotal, met, isWarned, isBreached, version);
    }
}
