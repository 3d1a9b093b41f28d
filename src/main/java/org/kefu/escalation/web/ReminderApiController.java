package org.kefu.escalation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.kefu.escalation.Reminder;
import org.kefu.escalation.Reminders;
import org.kefu.platform.Actor;
import org.kefu.platform.PageLimit;
import org.kefu.platform.Slice;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Reminders", description = "Follow-up reminders agents set on tickets (自动提醒)")
class ReminderApiController {

    private final Reminders reminders;

    ReminderApiController(Reminders reminders) {
        this.reminders = reminders;
    }

    /** dueAt: ISO date-time with offset, or local (2026-12-03T10:00) in the agent's time zone. */
    record ReminderRequest(String dueAt, String note) {
    }

    @PostMapping("/api/v1/tickets/{id}/reminders")
    @Operation(summary = "Set a follow-up reminder on a ticket for myself. dueAt is ISO-8601 with offset, or a local "
            + "date-time read in my time zone; note is optional (≤ 1000 characters)")
    ResponseEntity<Reminder> create(@PathVariable long id, @RequestBody ReminderRequest body, Actor actor) {
        Reminder r = reminders.create(id, body.dueAt(), body.note(), actor);
        return ResponseEntity.created(URI.create("/api/v1/reminders/" + r.id())).body(r);
    }

    @GetMapping("/api/v1/tickets/{id}/reminders")
    @Operation(summary = "A ticket's reminders (everyone's), soonest first")
    List<Reminder> ofTicket(@PathVariable long id, Actor actor) {
        return reminders.ofTicket(id, actor);
    }

    @GetMapping("/api/v1/reminders/mine")
    @Operation(summary = "My reminders: state=open (default; due and upcoming, soonest first, keyset-paginated) or "
            + "state=done (most recent first, first page only)")
    Slice<Reminder> mine(@RequestParam(required = false) String state, @RequestParam(required = false) String cursor,
                         @RequestParam(required = false) Integer limit, Actor actor) {
        if ("done".equalsIgnoreCase(state)) {
            return new Slice<>(reminders.done(actor, PageLimit.of(limit)), null);
        }
        if (state != null && !state.isBlank() && !"open".equalsIgnoreCase(state)) {
            throw org.kefu.platform.InvalidRequestException.of("state", "must be open or done");
        }
        return reminders.open(actor, cursor, PageLimit.of(limit));
    }

    @PostMapping("/api/v1/reminders/{id}/done")
    @Operation(summary = "Mark one of my reminders done")
    Reminder done(@PathVariable long id, Actor actor) {
        return reminders.markDone(id, actor);
    }

    @DeleteMapping("/api/v1/reminders/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete one of my reminders")
    void delete(@PathVariable long id, Actor actor) {
        reminders.delete(id, actor);
    }
}
