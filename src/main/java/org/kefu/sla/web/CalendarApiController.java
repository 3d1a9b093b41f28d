package org.kefu.sla.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.kefu.platform.Actor;
import org.kefu.platform.InvalidRequestException;
import org.kefu.platform.Role;
import org.kefu.sla.BusinessCalendar;
import org.kefu.sla.CalendarDefinition;
import org.kefu.sla.CalendarInput;
import org.kefu.sla.ManagingCalendars;
import org.kefu.sla.OpeningHours;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/calendars")
@Tag(name = "Business calendars", description = "Opening hours, holidays and make-up working days for SLA business time")
class CalendarApiController {

    private final ManagingCalendars calendars;

    CalendarApiController(ManagingCalendars calendars) {
        this.calendars = calendars;
    }

    record CalendarView(long id, String name, String timeZone, String description, Map<String, String> week,
                        List<DayView> days, long version) {

        static CalendarView of(CalendarDefinition c) {
            Map<String, String> week = new LinkedHashMap<>();
            for (DayOfWeek d : DayOfWeek.values()) {
                week.put(d.name(), c.week().getOrDefault(d, OpeningHours.CLOSED).toString());
            }
            return new CalendarView(c.id(), c.name(), c.zone().getId(), c.description(), week,
                    c.days().stream().map(d -> new DayView(d.date().toString(), d.kind().name(), d.hours().toString(), d.name())).toList(),
                    c.version());
        }
    }

    record DayView(String date, String kind, String hours, String name) {
    }

    record CalendarRequest(String name, String timeZone, String description, Map<String, String> week,
                           List<CalendarInput.Day> days, Long version) {

        CalendarInput input() {
            return new CalendarInput(name, timeZone, description, week, days);
        }
    }

    @GetMapping
    @Operation(summary = "List business calendars")
    List<CalendarView> list(Actor actor) {
        return calendars.list().stream().map(CalendarView::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One business calendar with its weekly hours, holidays and make-up working days")
    CalendarView get(@PathVariable long id, Actor actor) {
        return CalendarView.of(calendars.get(id));
    }

    @PostMapping
    @Operation(summary = "Create a calendar (admin). week maps MONDAY..SUNDAY to hours like \"09:00-12:00,13:30-18:00\"; "
            + "days lists {date, kind: HOLIDAY|WORKDAY, hours, name}")
    ResponseEntity<CalendarView> create(@RequestBody CalendarRequest body, Actor actor) {
        actor.requireRole(Role.ADMIN);
        CalendarView view = CalendarView.of(calendars.create(body.input()));
        return ResponseEntity.created(URI.create("/api/v1/calendars/" + view.id())).body(view);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace a calendar (admin); send the version you read to guard against lost updates")
    CalendarView replace(@PathVariable long id, @RequestBody CalendarRequest body, Actor actor) {
        actor.requireRole(Role.ADMIN);
        return CalendarView.of(calendars.replace(id, body.input(), body.version()));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a calendar no SLA policy or running clock uses (admin)")
    void delete(@PathVariable long id, Actor actor) {
        actor.requireRole(Role.ADMIN);
        calendars.delete(id);
    }

    record ImportView(CalendarView calendar, int imported, int skipped) {
    }

    @PostMapping(path = "/{id}/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Add holidays and make-up working days from an iCalendar (.ics) or CSV file (admin); "
            + "all or nothing. format: ics or csv (default: from the file name)")
    ImportView importFile(@PathVariable long id, @RequestParam("file") MultipartFile file,
                          @RequestParam(required = false) String format, Actor actor) throws IOException {
        actor.requireRole(Role.ADMIN);
        ManagingCalendars.ImportOutcome outcome = calendars.importDays(id, formatOf(format, file.getOriginalFilename()), file.getBytes());
        return new ImportView(CalendarView.of(outcome.calendar()), outcome.imported(), outcome.skipped());
    }

    static ManagingCalendars.Format formatOf(String format, String filename) {
        String f = format;
        if (f == null || f.isBlank()) {
            String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
            f = name.endsWith(".ics") || name.endsWith(".ical") ? "ics" : name.endsWith(".csv") ? "csv" : null;
        }
        if (f == null) {
            throw InvalidRequestException.of("format", "say ics or csv (the file name does not tell)");
        }
        try {
            return ManagingCalendars.Format.valueOf(f.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidRequestException.of("format", "must be ics or csv");
        }
    }

    record DueView(Instant start, String duration, Instant due, boolean openAtStart, Instant nextOpening) {
    }

    @GetMapping("/{id}/due")
    @Operation(summary = "Business-time arithmetic on this calendar: when is `duration` of business time after `start` used up")
    DueView due(@PathVariable long id, @RequestParam String start, @RequestParam String duration, Actor actor) {
        BusinessCalendar calendar = calendars.get(id).toCalendar();
        Instant from;
        try {
            from = Instant.parse(start);
        } catch (DateTimeException e) {
            throw InvalidRequestException.of("start", "must be an instant like 2026-02-13T09:00:00Z");
        }
        Duration amount;
        try {
            amount = Duration.parse(duration);
        } catch (DateTimeException e) {
            throw InvalidRequestException.of("duration", "must be an ISO-8601 duration such as PT2H");
        }
        if (amount.isNegative() || amount.compareTo(Duration.ofDays(365)) > 0) {
            throw InvalidRequestException.of("duration", "must be between zero and 365 days");
        }
        return new DueView(from, amount.toString(), calendar.addBusinessTime(from, amount), calendar.isOpen(from),
                calendar.nextOpening(from));
    }
}
