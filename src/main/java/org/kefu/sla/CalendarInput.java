package org.kefu.sla;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.kefu.platform.InvalidRequestException;
import org.kefu.platform.InvalidRequestException.FieldProblem;

/**
 * A calendar as admins send it: weekly hours by day name ({@code "MONDAY": "09:00-12:00,13:30-18:00"},
 * missing days closed) and special days. {@link #validate()} names every offending field.
 */
public record CalendarInput(String name, String timeZone, String description, Map<String, String> week,
                            List<Day> days) {

    public record Day(String date, String kind, String hours, String name) {
    }

    public CalendarDefinition validate() {
        return validate(null, 0);
    }

    CalendarDefinition validate(Long id, long version) {
        List<FieldProblem> problems = new ArrayList<>();
        if (name == null || name.isBlank()) {
            problems.add(new FieldProblem("name", "must not be blank"));
        } else if (name.strip().length() > 100) {
            problems.add(new FieldProblem("name", "must be at most 100 characters"));
        }
        if (description != null && description.length() > 1000) {
            problems.add(new FieldProblem("description", "must be at most 1000 characters"));
        }
        ZoneId zone = null;
        if (timeZone == null || timeZone.isBlank()) {
            problems.add(new FieldProblem("timeZone", "must not be blank"));
        } else {
            try {
                zone = ZoneId.of(timeZone.strip());
            } catch (DateTimeException e) {
                problems.add(new FieldProblem("timeZone", "'" + shorten(timeZone) + "' is not a time zone such as Asia/Shanghai"));
            }
        }
        Map<DayOfWeek, OpeningHours> weekHours = new EnumMap<>(DayOfWeek.class);
        if (week != null) {
            week.forEach((day, hours) -> {
                DayOfWeek dow;
                try {
                    dow = DayOfWeek.valueOf(String.valueOf(day).strip().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    problems.add(new FieldProblem("week." + shorten(String.valueOf(day)), "is not a day (MONDAY ... SUNDAY)"));
                    return;
                }
                try {
                    weekHours.put(dow, OpeningHours.parse(hours));
                } catch (IllegalArgumentException e) {
                    problems.add(new FieldProblem("week." + dow, e.getMessage()));
                }
            });
        }
        if (problems.stream().noneMatch(p -> p.field().startsWith("week"))
                && weekHours.values().stream().allMatch(OpeningHours::isClosed)) {
            problems.add(new FieldProblem("week", "must open on at least one day"));
        }
        List<CalendarDefinition.SpecialDay> special = new ArrayList<>();
        Set<LocalDate> seen = new HashSet<>();
        List<Day> given = days == null ? List.of() : days;
        if (given.size() > 5000) {
            problems.add(new FieldProblem("days", "at most 5000 special days"));
            given = List.of();
        }
        for (int i = 0; i < given.size(); i++) {
            String field = "days[" + i + "]";
            Day d = given.get(i);
            if (d == null) {
                problems.add(new FieldProblem(field, "must not be null"));
                continue;
            }
            LocalDate date = null;
            try {
                date = LocalDate.parse(String.valueOf(d.date()).strip());
                if (!seen.add(date)) {
                    problems.add(new FieldProblem(field + ".date", date + " is listed twice"));
                }
            } catch (DateTimeParseException e) {
                problems.add(new FieldProblem(field + ".date", "must be a date like 2026-02-16"));
            }
            CalendarDefinition.Kind kind = null;
            try {
                kind = CalendarDefinition.Kind.valueOf(String.valueOf(d.kind()).strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem(field + ".kind", "must be HOLIDAY or WORKDAY"));
            }
            OpeningHours hours = OpeningHours.CLOSED;
            try {
                hours = OpeningHours.parse(d.hours());
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem(field + ".hours", e.getMessage()));
            }
            if (kind == CalendarDefinition.Kind.WORKDAY && (d.hours() == null || d.hours().isBlank())) {
                hours = usualHours(weekHours); // a make-up day works the usual weekday hours
            }
            if (kind == CalendarDefinition.Kind.WORKDAY && hours.isClosed()) {
                problems.add(new FieldProblem(field + ".hours", "a working day needs opening hours, e.g. 09:00-18:00"));
            }
            if (d.name() != null && d.name().length() > 100) {
                problems.add(new FieldProblem(field + ".name", "must be at most 100 characters"));
            }
            if (date != null && kind != null && (kind == CalendarDefinition.Kind.HOLIDAY || !hours.isClosed())) {
                special.add(new CalendarDefinition.SpecialDay(date, kind, hours, blankToNull(d.name())));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return new CalendarDefinition(id, name.strip(), zone, blankToNull(description), weekHours, special, version);
    }

    /** The hours of the first open weekday (Monday first): what a make-up working day gets by default. */
    static OpeningHours usualHours(Map<DayOfWeek, OpeningHours> week) {
        for (DayOfWeek day : DayOfWeek.values()) {
            OpeningHours hours = week.getOrDefault(day, OpeningHours.CLOSED);
            if (!hours.isClosed()) {
                return hours;
            }
        }
        return OpeningHours.CLOSED;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
