package org.kefu.sla;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A stored business calendar as admins see it: named, with holiday names. */
public record CalendarDefinition(Long id, String name, ZoneId zone, String description,
                                 Map<DayOfWeek, OpeningHours> week, List<SpecialDay> days, long version) {

    public CalendarDefinition {
        week = Map.copyOf(week);
        days = List.copyOf(days);
    }

    public BusinessCalendar toCalendar() {
        Map<LocalDate, OpeningHours> special = new LinkedHashMap<>();
        days.forEach(d -> special.put(d.date(), d.hours()));
        return new BusinessCalendar(zone, week, special);
    }

    /** A holiday (closed) or make-up working day (open with {@code hours}). */
    public record SpecialDay(LocalDate date, Kind kind, OpeningHours hours, String name) {

        public SpecialDay {
            if (kind == Kind.HOLIDAY) {
                hours = OpeningHours.CLOSED;
            } else if (hours == null || hours.isClosed()) {
                throw new IllegalArgumentException("a working day on " + date + " needs opening hours");
            }
        }

        public static SpecialDay holiday(LocalDate date, String name) {
            return new SpecialDay(date, Kind.HOLIDAY, OpeningHours.CLOSED, name);
        }

        public static SpecialDay workday(LocalDate date, OpeningHours hours, String name) {
            return new SpecialDay(date, Kind.WORKDAY, hours, name);
        }
    }

    public enum Kind {
        HOLIDAY, WORKDAY
    }
}
