package org.kefu.sla;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.kefu.platform.InvalidRequestException;

/**
 * Reads special days from CSV: {@code date,type[,hours][,name]}, one per line, e.g.
 * {@code 2026-02-16,holiday,,春节} or {@code 2026-02-14,workday,"09:00-12:00,13:30-18:00",春节调休上班}.
 * type is holiday/休/off or workday/班/work; a working day without hours gets the default hours.
 * An optional header line starting with "date", blank lines and lines starting with # are ignored.
 * Anything malformed is refused as a whole with the line number.
 */
final class CsvCalendarReader {

    private CsvCalendarReader() {
    }

    static CalendarImport read(byte[] content, OpeningHours defaultWorkdayHours) {
        if (content.length > CalendarImport.MAX_BYTES) {
            throw InvalidRequestException.of("file", "is larger than 1 MB");
        }
        String text = new String(content, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String[] lines = text.split("\r\n|\n|\r", -1);
        Map<LocalDate, CalendarDefinition.SpecialDay> days = new LinkedHashMap<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#") || (i == 0 && line.toLowerCase(Locale.ROOT).startsWith("date"))) {
                continue;
            }
            List<String> fields = split(line, i);
            if (fields.size() < 2 || fields.size() > 4) {
                throw problem(i, "expected date,type[,hours][,name]");
            }
            LocalDate date;
            try {
                date = LocalDate.parse(fields.get(0).strip());
            } catch (DateTimeParseException e) {
                throw problem(i, "'" + shorten(fields.get(0)) + "' is not a date like 2026-02-16");
            }
            String type = fields.get(1).strip().toLowerCase(Locale.ROOT);
            boolean workday = switch (type) {
                case "holiday", "off", "休", "假" -> false;
                case "workday", "work", "working", "班", "上班" -> true;
                default -> throw problem(i, "type must be holiday or workday, not '" + shorten(type) + "'");
            };
            OpeningHours hours = defaultWorkdayHours;
            if (fields.size() > 2 && !fields.get(2).isBlank()) {
                try {
                    hours = OpeningHours.parse(fields.get(2));
                } catch (IllegalArgumentException e) {
                    throw problem(i, e.getMessage());
                }
            }
            String name = fields.size() > 3 && !fields.get(3).isBlank() ? fields.get(3).strip() : null;
            if (name != null && name.length() > 100) {
                throw problem(i, "name must be at most 100 characters");
            }
            if (workday && hours.isClosed()) {
                throw problem(i, "a working day needs opening hours, e.g. 09:00-18:00");
            }
            if (days.containsKey(date)) {
                throw problem(i, date + " is listed twice");
            }
            days.put(date, workday ? CalendarDefinition.SpecialDay.workday(date, hours, name)
                    : CalendarDefinition.SpecialDay.holiday(date, name));
            if (days.size() > CalendarImport.MAX_DAYS) {
                throw InvalidRequestException.of("file", "has more than " + CalendarImport.MAX_DAYS + " days");
            }
        }
        return new CalendarImport(new ArrayList<>(days.values()), 0);
    }

    /** Splits one line at commas outside double quotes; "" inside quotes is a quote. */
    private static List<String> split(String line, int index) {
        List<String> fields = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    current.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    current.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (quoted) {
            throw problem(index, "unclosed quote");
        }
        fields.add(current.toString());
        return fields;
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    private static InvalidRequestException problem(int index, String message) {
        return InvalidRequestException.of("file", "line " + (index + 1) + ": " + message);
    }
}
