package org.kefu.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * When a desk works: a time zone, weekly opening hours, and dates that differ from the week
 * (public holidays, which are closed, and make-up working days such as 调休上班日, with their own
 * hours). Business time is the physical time that passes while the calendar is open.
 *
 * <p>Semantics (see docs/adr/0006-business-time.md):
 * <ul>
 *   <li>Opening windows are half-open [open, close): the opening instant is open, the closing
 *       instant is closed.</li>
 *   <li>{@link #addBusinessTime} of a positive duration returns the instant at which the duration is
 *       used up; that is inside open hours or exactly the closing instant of a window (an SLA due
 *       at 18:00 on a 09:00–18:00 day). Adding zero returns the start unchanged.</li>
 *   <li>Local times in a DST gap (Europe/Berlin 02:00–03:00 in March) mean the instant the gap ends;
 *       local times in a DST overlap (02:00–03:00 in October) mean their first occurrence. A day open
 *       00:00–24:00 therefore counts 23 h in March and 25 h in October.</li>
 * </ul>
 * Instances are immutable and thread-safe; all methods are pure.
 */
public final class BusinessCalendar {

    /** Longest span the arithmetic walks through, so a bad input cannot loop for ever. */
    static final int MAX_DAYS = 366 * 50;

    private final ZoneId zone;
    private final Map<DayOfWeek, OpeningHours> week;
    private final TreeMap<LocalDate, OpeningHours> specialDays;

    public BusinessCalendar(ZoneId zone, Map<DayOfWeek, OpeningHours> week, Map<LocalDate, OpeningHours> specialDays) {
        this.zone = zone;
        EnumMap<DayOfWeek, OpeningHours> copy = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            copy.put(day, week.getOrDefault(day, OpeningHours.CLOSED));
        }
        if (copy.values().stream().allMatch(OpeningHours::isClosed)) {
            throw new IllegalArgumentException("a calendar must be open on at least one day of the week");
        }
        this.week = java.util.Collections.unmodifiableMap(copy);
        this.specialDays = new TreeMap<>(specialDays);
    }

    /** Open around the clock, every day, in UTC. */
    public static BusinessCalendar twentyFourSeven() {
        return twentyFourSeven(ZoneId.of("UTC"));
    }

    public static BusinessCalendar twentyFourSeven(ZoneId zone) {
        Map<DayOfWeek, OpeningHours> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            week.put(day, OpeningHours.ALL_DAY);
        }
        return new BusinessCalendar(zone, week, Map.of());
    }

    public ZoneId zone() {
        return zone;
    }

    public Map<DayOfWeek, OpeningHours> week() {
        return week;
    }

    /** Holidays (closed) and make-up working days (open with their own hours), by date. */
    public Map<LocalDate, OpeningHours> specialDays() {
        return java.util.Collections.unmodifiableMap(specialDays);
    }

    public OpeningHours hoursOn(LocalDate date) {
        OpeningHours special = specialDays.get(date);
        return special != null ? special : week.get(date.getDayOfWeek());
    }

    public boolean isOpen(Instant t) {
        for (Window w : windows(dateOf(t))) {
            if (!t.isBefore(w.start) && t.isBefore(w.end)) {
                return true;
            }
        }
        return false;
    }

    /** {@code t} itself when open, else the next instant the calendar opens. */
    public Instant nextOpening(Instant t) {
        LocalDate date = dateOf(t);
        for (int i = 0; i < MAX_DAYS; i++, date = date.plusDays(1)) {
            for (Window w : windows(date)) {
                if (t.isBefore(w.end)) {
                    return t.isBefore(w.start) ? w.start : t;
                }
            }
        }
        throw new IllegalStateException("the calendar does not open within " + MAX_DAYS + " days after " + t);
    }

    /** The instant at which {@code amount} of business time has passed since {@code start}. */
    public Instant addBusinessTime(Instant start, Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("business time to add must not be negative: " + amount);
        }
        if (amount.isZero()) {
            return start;
        }
        Duration remaining = amount;
        LocalDate date = dateOf(start);
        for (int i = 0; i < MAX_DAYS; i++, date = date.plusDays(1)) {
            for (Window w : windows(date)) {
                if (!start.isBefore(w.end)) {
                    continue;
                }
                Instant from = start.isAfter(w.start) ? start : w.start;
                Duration available = Duration.between(from, w.end);
                if (remaining.compareTo(available) <= 0) {
                    return from.plus(remaining);
                }
                remaining = remaining.minus(available);
            }
        }
        throw new IllegalArgumentException("business time " + amount + " does not fit in " + MAX_DAYS + " days");
    }

    /**
     * Business time from {@code a} to {@code b}; negative when {@code b} is before {@code a}
     * (how far past a due time a ticket is).
     */
    public Duration businessTimeBetween(Instant a, Instant b) {
        if (b.isBefore(a)) {
            return businessTimeBetween(b, a).negated();
        }
        Duration total = Duration.ZERO;
        LocalDate last = dateOf(b);
        LocalDate date = dateOf(a);
        if (date.plusDays(MAX_DAYS).isBefore(last)) {
            throw new IllegalArgumentException("span too long: " + a + " to " + b);
        }
        for (; !date.isAfter(last); date = date.plusDays(1)) {
            for (Window w : windows(date)) {
                Instant from = a.isAfter(w.start) ? a : w.start;
                Instant to = b.isBefore(w.end) ? b : w.end;
                if (from.isBefore(to)) {
                    total = total.plus(Duration.between(from, to));
                }
            }
        }
        return total;
    }

    private LocalDate dateOf(Instant t) {
        return t.atZone(zone).toLocalDate();
    }

    /** The open windows of one local date as instants, in order, empty ones (inside a DST gap) left out. */
    private List<Window> windows(LocalDate date) {
        OpeningHours hours = hoursOn(date);
        List<Window> result = new ArrayList<>(hours.intervals().size());
        for (OpeningHours.Interval interval : hours.intervals()) {
            Instant start = instantOf(date, interval.from());
            Instant end = instantOf(date, interval.to());
            if (start.isBefore(end)) {
                result.add(new Window(start, end));
            }
        }
        return result;
    }

    /** Local wall time to an instant, monotonic across DST changes (gap → its end, overlap → first occurrence). */
    private Instant instantOf(LocalDate date, int minuteOfDay) {
        if (minuteOfDay == OpeningHours.Interval.END_OF_DAY) {
            return date.plusDays(1).atStartOfDay(zone).toInstant();
        }
        LocalDateTime local = date.atTime(minuteOfDay / 60, minuteOfDay % 60);
        ZoneOffsetTransition transition = zone.getRules().getTransition(local);
        if (transition != null && transition.isGap()) {
            return transition.getInstant();
        }
        return local.atZone(zone).toInstant();
    }

    private record Window(Instant start, Instant end) {
    }
}
