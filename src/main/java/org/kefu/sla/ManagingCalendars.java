package org.kefu.sla;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kefu.platform.ConflictException;
import org.kefu.platform.InvalidRequestException;
import org.kefu.platform.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Admins' work on business calendars: create, change, delete, and import holidays from files. */
@Service
@Transactional
public class ManagingCalendars {

    private final Calendars calendars;
    private final Clock clock;

    ManagingCalendars(Calendars calendars, Clock clock) {
        this.calendars = calendars;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<CalendarDefinition> list() {
        return calendars.all();
    }

    @Transactional(readOnly = true)
    public CalendarDefinition get(long id) {
        return calendars.find(id).orElseThrow(() -> new NotFoundException("Calendar", id));
    }

    @Transactional(readOnly = true)
    public Optional<BusinessCalendar> calendar(long id) {
        return calendars.businessCalendar(id);
    }

    public CalendarDefinition create(CalendarInput input) {
        CalendarDefinition definition = input.validate();
        requireFreeName(definition.name(), null);
        return get(calendars.insert(definition, clock.instant()));
    }

    /** Replaces the whole calendar; {@code expectedVersion} (if given) guards against lost updates. */
    public CalendarDefinition replace(long id, CalendarInput input, Long expectedVersion) {
        CalendarDefinition current = get(id);
        CalendarDefinition definition = input.validate(id, current.version());
        requireFreeName(definition.name(), id);
        long version = expectedVersion == null ? current.version() : expectedVersion;
        if (!calendars.update(id, definition, version, clock.instant())) {
            throw new ConflictException("Calendar " + id + " was changed by someone else; reload it and try again.",
                    Map.of("currentVersion", current.version()));
        }
        return get(id);
    }

    public void delete(long id) {
        get(id);
        if (calendars.inUse(id)) {
            throw new ConflictException("Calendar " + id + " is used by an SLA policy or by SLA clocks of tickets; it can be changed but not deleted.", Map.of());
        }
        calendars.delete(id);
    }

    public enum Format {
        ICS, CSV
    }

    /**
     * Adds the special days of a file to a calendar; a date already listed takes the file's
     * value. The file is read completely first: a bad file changes nothing.
     */
    public ImportOutcome importDays(long id, Format format, byte[] content) {
        CalendarDefinition current = get(id);
        OpeningHours defaultHours = usualHours(current);
        CalendarImport read = switch (format) {
            case ICS -> IcsCalendarReader.read(content, defaultHours);
            case CSV -> CsvCalendarReader.read(content, defaultHours);
        };
        if (read.days().isEmpty()) {
            throw InvalidRequestException.of("file", "contains no all-day holidays or working days");
        }
        Map<LocalDate, CalendarDefinition.SpecialDay> merged = new LinkedHashMap<>();
        current.days().forEach(d -> merged.put(d.date(), d));
        read.days().forEach(d -> merged.put(d.date(), d));
        if (merged.size() > CalendarImport.MAX_DAYS) {
            throw InvalidRequestException.of("file", "the calendar would have more than " + CalendarImport.MAX_DAYS + " special days");
        }
        CalendarDefinition updated = new CalendarDefinition(id, current.name(), current.zone(), current.description(),
                current.week(), new ArrayList<>(merged.values()), current.version());
        if (!calendars.update(id, updated, current.version(), clock.instant())) {
            throw new ConflictException("Calendar " + id + " was changed by someone else; try again.", Map.of());
        }
        return new ImportOutcome(get(id), read.days().size(), read.skipped());
    }

    public record ImportOutcome(CalendarDefinition calendar, int imported, int skipped) {
    }

    static OpeningHours usualHours(CalendarDefinition calendar) {
        return CalendarInput.usualHours(calendar.week());
    }

    private void requireFreeName(String name, Long id) {
        if (calendars.nameTaken(name, id)) {
            throw InvalidRequestException.of("name", "another calendar is already called '" + name + "'");
        }
    }
}
