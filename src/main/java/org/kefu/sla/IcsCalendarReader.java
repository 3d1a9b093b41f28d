package org.kefu.sla;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.kefu.platform.InvalidRequestException;

/**
 * Reads holidays and make-up working days from iCalendar (RFC 5545). Each all-day VEVENT
 * ({@code DTSTART;VALUE=DATE:20260215}, {@code DTEND} exclusive, default one day) covers its dates.
 * It is a make-up working day when {@code X-KEFU-DAY-KIND:WORKDAY}, or, without that property, when
 * its SUMMARY contains 班 (上班, 补班) or "working day"/"workday"; otherwise a holiday
 * ({@code X-KEFU-DAY-KIND:HOLIDAY} forces that). A working day opens at {@code X-KEFU-HOURS}
 * (e.g. {@code 09:00-12:00,13:30-18:00}) or at the given default hours. Timed events are skipped.
 * Anything malformed is refused as a whole with the line number.
 */
final class IcsCalendarReader {

    private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;

    private IcsCalendarReader() {
    }

    static CalendarImport read(byte[] content, OpeningHours defaultWorkdayHours) {
        if (content.length > CalendarImport.MAX_BYTES) {
            throw InvalidRequestException.of("file", "is larger than 1 MB");
        }
        String text = new String(content, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<String> lines = unfold(text);
        if (lines.stream().noneMatch(l -> l.equalsIgnoreCase("BEGIN:VCALENDAR"))) {
            throw InvalidRequestException.of("file", "is not an iCalendar file (no BEGIN:VCALENDAR)");
        }
        Map<LocalDate, CalendarDefinition.SpecialDay> days = new LinkedHashMap<>();
        int skipped = 0;
        Map<String, Property> event = null;
        int eventLine = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.equalsIgnoreCase("BEGIN:VEVENT")) {
                if (event != null) {
                    throw problem(i, "VEVENT inside VEVENT");
                }
                event = new LinkedHashMap<>();
                eventLine = i;
            } else if (line.equalsIgnoreCase("END:VEVENT")) {
                if (event == null) {
                    throw problem(i, "END:VEVENT without BEGIN:VEVENT");
                }
                if (!addEvent(event, eventLine, defaultWorkdayHours, days)) {
                    skipped++;
                }
                event = null;
            } else if (event != null && !line.isBlank()) {
                int colon = line.indexOf(':');
                if (colon <= 0) {
                    throw problem(i, "expected NAME:value");
                }
                String head = line.substring(0, colon);
                String[] parts = head.split(";");
                event.putIfAbsent(parts[0].strip().toUpperCase(Locale.ROOT),
                        new Property(head.toUpperCase(Locale.ROOT), line.substring(colon + 1), i));
            }
        }
        if (event != null) {
            throw problem(eventLine, "VEVENT is not closed with END:VEVENT");
        }
        return new CalendarImport(new ArrayList<>(days.values()), skipped);
    }

    private record Property(String head, String value, int line) {
    }

    private static boolean addEvent(Map<String, Property> event, int line, OpeningHours defaultHours,
                                    Map<LocalDate, CalendarDefinition.SpecialDay> days) {
        Property start = event.get("DTSTART");
        if (start == null) {
            throw problem(line, "VEVENT without DTSTART");
        }
        String startValue = start.value().strip();
        boolean allDay = start.head().contains("VALUE=DATE") && !start.head().contains("VALUE=DATE-TIME")
                || startValue.matches("\\d{8}");
        if (!allDay) {
            return false;
        }
        LocalDate from = date(start);
        Property end = event.get("DTEND");
        LocalDate until = end == null ? from.plusDays(1) : date(end);
        if (!until.isAfter(from)) {
            throw problem(end.line(), "DTEND must be after DTSTART");
        }
        if (until.isAfter(from.plusDays(366))) {
            throw problem(end.line(), "an event may cover at most 366 days");
        }
        String summary = event.containsKey("SUMMARY") ? unescape(event.get("SUMMARY").value()).strip() : null;
        if (summary != null && summary.length() > 100) {
            summary = summary.substring(0, 100);
        }
        Property kindProperty = event.get("X-KEFU-DAY-KIND");
        boolean workday;
        if (kindProperty != null) {
            String kind = kindProperty.value().strip().toUpperCase(Locale.ROOT);
            if (!kind.equals("WORKDAY") && !kind.equals("HOLIDAY")) {
                throw problem(kindProperty.line(), "X-KEFU-DAY-KIND must be WORKDAY or HOLIDAY");
            }
            workday = kind.equals("WORKDAY");
        } else {
            String s = summary == null ? "" : summary.toLowerCase(Locale.ROOT);
            workday = s.contains("班") || s.contains("working day") || s.contains("workday");
        }
        OpeningHours hours = defaultHours;
        Property hoursProperty = event.get("X-KEFU-HOURS");
        if (hoursProperty != null) {
            try {
                hours = OpeningHours.parse(hoursProperty.value());
            } catch (IllegalArgumentException e) {
                throw problem(hoursProperty.line(), e.getMessage());
            }
        }
        if (workday && hours.isClosed()) {
            throw problem(line, "a working day needs opening hours (X-KEFU-HOURS)");
        }
        for (LocalDate d = from; d.isBefore(until); d = d.plusDays(1)) {
            days.put(d, workday ? CalendarDefinition.SpecialDay.workday(d, hours, summary)
                    : CalendarDefinition.SpecialDay.holiday(d, summary));
            if (days.size() > CalendarImport.MAX_DAYS) {
                throw InvalidRequestException.of("file", "has more than " + CalendarImport.MAX_DAYS + " days");
            }
        }
        return true;
    }

    private static LocalDate date(Property p) {
        String value = p.value().strip();
        if (value.length() >= 8) {
            value = value.substring(0, 8);
        }
        try {
            return LocalDate.parse(value, BASIC);
        } catch (DateTimeParseException e) {
            throw problem(p.line(), "'" + shorten(p.value()) + "' is not a date like 20260215");
        }
    }

    private static List<String> unfold(String text) {
        List<String> lines = new ArrayList<>();
        for (String raw : text.split("\r\n|\n|\r", -1)) {
            if ((raw.startsWith(" ") || raw.startsWith("\t")) && !lines.isEmpty()) {
                lines.set(lines.size() - 1, lines.getLast() + raw.substring(1));
            } else {
                lines.add(raw);
            }
        }
        return lines;
    }

    private static String unescape(String s) {
        return s.replace("\\n", " ").replace("\\N", " ").replace("\\,", ",").replace("\\;", ";").replace("\\\\", "\\");
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    private static InvalidRequestException problem(int lineIndex, String message) {
        return InvalidRequestException.of("file", "line " + (lineIndex + 1) + ": " + message);
    }
}
