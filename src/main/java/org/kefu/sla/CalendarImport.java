package org.kefu.sla;

import java.util.List;

/** Special days read from an uploaded file, all or nothing. */
public record CalendarImport(List<CalendarDefinition.SpecialDay> days, int skipped) {

    static final int MAX_BYTES = 1024 * 1024;
    static final int MAX_DAYS = 5000;

    public CalendarImport {
        days = List.copyOf(days);
    }
}
