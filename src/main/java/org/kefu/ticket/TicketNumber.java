package org.kefu.ticket;

import java.util.regex.Pattern;

/** The number people quote: the year the ticket was opened and a running number, e.g. 2026-000123. */
public record TicketNumber(String value) {

    public static final Pattern FORMAT = Pattern.compile("^\\d{4}-\\d{6,}$");

    public TicketNumber {
        if (!wellFormed(value)) {
            throw new IllegalArgumentException("Not a ticket number: " + value);
        }
    }

    /** {@code %04d-%06d}, written out: every new ticket is numbered, and {@code String.format} parses its pattern each time. */
    public static TicketNumber of(int year, long sequence) {
        if (year < 0 || year > 9999 || sequence < 0) {
            throw new IllegalArgumentException("Not a ticket number: year " + year + ", sequence " + sequence);
        }
        StringBuilder b = zeroPadded(new StringBuilder(24), year, 4).append('-');
        return new TicketNumber(zeroPadded(b, sequence, 6).toString());
    }

    private static StringBuilder zeroPadded(StringBuilder b, long value, int width) {
        String digits = Long.toString(value);
        return b.repeat('0', Math.max(0, width - digits.length())).append(digits);
    }

    public static boolean looksLike(String text) {
        return text != null && wellFormed(text.strip());
    }

    /** What {@link #FORMAT} matches, checked without a regex matcher. */
    private static boolean wellFormed(String s) {
        if (s == null || s.length() < 11 || s.charAt(4) != '-') {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (i != 4 && (c < '0' || c > '9')) {
                return false;
            }
        }
        return true;
    }
}
