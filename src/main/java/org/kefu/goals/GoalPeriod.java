package org.kefu.goals;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

/** The calendar periods attainment is shown for, in the viewer's time zone; weeks start on Monday. */
public enum GoalPeriod {
    DAY, WEEK, MONTH;

    /** The half-open range [from, to) of the period that contains {@code at}. */
    public Range rangeAt(Instant at, ZoneId zone) {
        LocalDate today = LocalDate.ofInstant(at, zone);
        LocalDate start = switch (this) {
            case DAY -> today;
            case WEEK -> today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> today.withDayOfMonth(1);
        };
        LocalDate end = switch (this) {
            case DAY -> start.plusDays(1);
            case WEEK -> start.plusWeeks(1);
            case MONTH -> start.plusMonths(1);
        };
        return new Range(start.atStartOfDay(zone).toInstant(), end.atStartOfDay(zone).toInstant(), start, end.minusDays(1));
    }

    /** Instants [from, to) and the first and last local dates of the period. */
    public record Range(Instant from, Instant to, LocalDate firstDay, LocalDate lastDay) {
    }
}
