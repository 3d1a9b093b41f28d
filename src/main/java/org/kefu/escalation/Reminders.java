package org.kefu.escalation;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.kefu.agent.AgentDirectory;
import org.kefu.platform.Actor;
import org.kefu.platform.Cursor;
import org.kefu.platform.InvalidRequestException;
import org.kefu.platform.NotFoundException;
import org.kefu.platform.Slice;
import org.kefu.ticket.Ticket;
import org.kefu.ticket.TicketWork;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Agents' follow-up reminders on tickets. Setting one needs sight of the ticket (the same rule as
 * the ticket API); a reminder belongs to the agent who set it. Due reminders are sent by
 * {@link ReminderSweep}.
 */
@Service
@Transactional
public class Reminders {

    static final int NOTE_MAX = 1000;
    static final String CURSOR_KEY = "reminder";

    private final ReminderStore store;
    private final TicketWork tickets;
    private final AgentDirectory agents;
    private final Clock clock;

    Reminders(ReminderStore store, TicketWork tickets, AgentDirectory agents, Clock clock) {
        this.store = store;
        this.tickets = tickets;
        this.agents = agents;
        this.clock = clock;
    }

    /**
     * Sets a reminder. {@code due} is an ISO date-time with offset ({@code 2026-12-03T10:00:00+08:00})
     * or a local one ({@code 2026-12-03T10:00}) read in the agent's time zone.
     */
    public Reminder create(long ticketId, String due, String note, Actor actor) {
        Ticket ticket = tickets.get(ticketId, actor);
        Instant dueAt = parseDue(due, zoneOf(actor));
        String cleanNote = note == null || note.isBlank() ? null : note.strip();
        if (cleanNote != null && cleanNote.length() > NOTE_MAX) {
            throw InvalidRequestException.of("note", "at most " + NOTE_MAX + " characters");
        }
        long id = store.insert(ticket.getId(), actor.id(), dueAt, cleanNote, clock.instant().truncatedTo(ChronoUnit.MICROS));
        return store.find(id).orElseThrow();
    }

    /** The ticket's reminders (everyone's), soonest first. */
    @Transactional(readOnly = true)
    public List<Reminder> ofTicket(long ticketId, Actor actor) {
        tickets.get(ticketId, actor);
        return store.ofTicket(ticketId, 100);
    }

    /** My open reminders (due and upcoming), soonest first, keyset-paged. */
    @Transactional(readOnly = true)
    public Slice<Reminder> open(Actor actor, String cursor, int limit) {
        Instant afterDue = Instant.parse("1970-01-01T00:00:00Z");
        long afterId = -1;
        if (cursor != null && !cursor.isBlank()) {
            Cursor c = Cursor.decode(cursor, CURSOR_KEY);
            try {
                afterDue = Instant.parse(c.value());
            } catch (DateTimeParseException | NullPointerException e) {
                throw InvalidRequestException.of("cursor", "is not a cursor returned by this list");
            }
            afterId = c.id();
        }
        List<Reminder> rows = store.openOf(actor.id(), afterDue, afterId, limit + 1);
        return Slice.fromOverfetch(rows, limit, r -> new Cursor(CURSOR_KEY, r.dueAt().toString(), r.id()));
    }

    /** My most recently done reminders. */
    @Transactional(readOnly = true)
    public List<Reminder> done(Actor actor, int limit) {
        return store.doneOf(actor.id(), limit);
    }

    @Transactional(readOnly = true)
    public long dueCount(Actor actor) {
        return store.countDue(actor.id(), clock.instant());
    }

    public Reminder markDone(long id, Actor actor) {
        Reminder r = mine(id, actor);
        store.markDone(r.id(), clock.instant().truncatedTo(ChronoUnit.MICROS));
        return store.find(id).orElseThrow();
    }

    public void delete(long id, Actor actor) {
        store.delete(mine(id, actor).id());
    }

    private Reminder mine(long id, Actor actor) {
        return store.find(id).filter(r -> r.agentId() == actor.id())
                .orElseThrow(() -> new NotFoundException("Reminder", id));
    }

    /** The agent's time zone, in which local date-times are read. */
    public ZoneId zoneOf(Actor actor) {
        try {
            return ZoneId.of(agents.get(actor.id()).getTimeZone());
        } catch (DateTimeException | NotFoundException e) {
            return ZoneId.of("Asia/Shanghai");
        }
    }

    static Instant parseDue(String value, ZoneId zone) {
        if (value == null || value.isBlank()) {
            throw InvalidRequestException.of("dueAt", "is required, e.g. 2026-12-03T10:00 (your time zone) or 2026-12-03T10:00:00+08:00");
        }
        String v = value.strip();
        try {
            return OffsetDateTime.parse(v).toInstant().truncatedTo(ChronoUnit.MICROS);
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(v).atZone(zone).toInstant().truncatedTo(ChronoUnit.MICROS);
            } catch (DateTimeParseException e) {
                throw InvalidRequestException.of("dueAt", "'" + v + "' is not a date-time such as 2026-12-03T10:00");
            }
        }
    }
}
