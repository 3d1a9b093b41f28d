package org.kefu.sla;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The opening intervals of one day in local wall time, e.g. {@code 09:00-12:00,13:30-18:00}.
 * Each interval is half-open [from, to); {@code 24:00} is the end of the day. Intervals that span
 * midnight are refused (write {@code 22:00-24:00} on one day and {@code 00:00-06:00} on the next).
 */
public record OpeningHours(List<Interval> intervals) {

    public static final OpeningHours CLOSED = new OpeningHours(List.of());
    public static final OpeningHours ALL_DAY = new OpeningHours(List.of(new Interval(0, Interval.END_OF_DAY)));

    private static final Pattern INTERVAL = Pattern.compile("(\\d{1,2}):(\\d{2})\\s*-\\s*(\\d{1,2}):(\\d{2})");

    public OpeningHours {
        List<Interval> sorted = new ArrayList<>(intervals);
        sorted.sort(Comparator.comparingInt(Interval::from));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).from() < sorted.get(i - 1).to()) {
                throw new IllegalArgumentException("intervals overlap: " + sorted.get(i - 1) + " and " + sorted.get(i));
            }
        }
        intervals = List.copyOf(sorted);
    }

    /** Parses {@code "09:00-12:00,13:30-18:00"}; an empty text means closed. */
    public static OpeningHours parse(String text) {
        if (text == null || text.isBlank()) {
            return CLOSED;
        }
        List<Interval> result = new ArrayList<>();
        for (String part : text.split("[,;]")) {
            if (part.isBlank()) {
                continue;
            }
            Matcher m = INTERVAL.matcher(part.strip());
            if (!m.matches()) {
                throw new IllegalArgumentException("'" + part.strip() + "' is not an interval like 09:00-18:00");
            }
            result.add(new Interval(minutes(m.group(1), m.group(2)), minutes(m.group(3), m.group(4))));
        }
        return new OpeningHours(result);
    }

    private static int minutes(String hours, String minutes) {
        int h = Integer.parseInt(hours);
        int m = Integer.parseInt(minutes);
        if (m > 59 || h > 24 || (h == 24 && m != 0)) {
            throw new IllegalArgumentException(hours + ":" + minutes + " is not a time of day (00:00 to 24:00)");
        }
        return h * 60 + m;
    }

    public boolean isClosed() {
        return intervals.isEmpty();
    }

    /** Minutes open on a normal (non-DST) day. */
    public int openMinutes() {
        return intervals.stream().mapToInt(i -> i.to() - i.from()).sum();
    }

    @Override
    public String toString() {
        return String.join(",", intervals.stream().map(Interval::toString).toList());
    }

    /** Minutes after local midnight; {@code to} may be 1440 (24:00). */
    public record Interval(int from, int to) {

        public static final int END_OF_DAY = 24 * 60;

        public Interval {
            if (from < 0 || to > END_OF_DAY) {
                throw new IllegalArgumentException("times must lie between 00:00 and 24:00");
            }
            if (to <= from) {
                throw new IllegalArgumentException(clock(from) + "-" + clock(to)
                        + " ends before it starts; intervals across midnight must be split at 24:00");
            }
        }

        private static String clock(int minutes) {
            return String.format("%02d:%02d", minutes / 60, minutes % 60);
        }

        @Override
        public String toString() {
            return clock(from) + "-" + clock(to);
        }
    }
}
