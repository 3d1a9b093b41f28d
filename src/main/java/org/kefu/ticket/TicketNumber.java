package org.kefu.ticket;

import java.util.regex.Pattern;

/** The number people quote: the year the ticket was opened and a running number, e.g. 2026-000123. */
public record TicketNumber(String value) {

    public static final Pattern FORMAT = Pattern.compile("^\\d{4}-\\d{6,}$");

    public TicketNumber {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("Not a ticket number: " + value);
        }
    }

    public static TicketNumber of(int year, long sequence) {
        return new TicketNumber(String.format("%04d-%06d", year, sequence));
    }

    public static boolean looksLike(String text) {
        return text != null && FORMAT.matcher(text.strip()).matches();
    }
}
