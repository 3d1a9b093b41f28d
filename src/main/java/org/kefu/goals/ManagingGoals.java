package org.kefu.goals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.kefu.platform.Actor;
import org.kefu.platform.ConflictException;
import org.kefu.platform.InvalidRequestException;
import org.kefu.platform.NotFoundException;
import org.kefu.platform.Role;
import org.kefu.sla.BusinessCalendar;
import org.kefu.sla.ManagingCalendars;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Supervisors' work on service goals (SUPERVISOR or ADMIN). A new or changed goal is measured at once
 * for the tickets opened in the last {@link #LOOK_BACK} (so this month's attainment is complete), in
 * keyset batches; from then on each ticket's outcome is kept as it opens and is answered.
 */
@Service
@Transactional
public class ManagingGoals {

    /** Longer than any month plus the widest time-zone offset. */
    static final Duration LOOK_BACK = Duration.ofDays(32);
    private static final int BATCH = 500;

    private final Goals goals;
    private final GoalOutcomes outcomes;
    private final ManagingCalendars calendars;
    private final Clock clock;

    ManagingGoals(Goals goals, GoalOutcomes outcomes, ManagingCalendars calendars, Clock clock) {
        this.goals = goals;
        this.outcomes = outcomes;
        this.calendars = calendars;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<ServiceGoal> list() {
        return goals.all();
    }

    @Transactional(readOnly = true)
    public ServiceGoal get(long id) {
        return goals.find(id).orElseThrow(() -> new NotFoundException("Service goal", id));
    }

    public ServiceGoal create(GoalInput input, Actor actor) {
        actor.requireRole(Role.SUPERVISOR);
        ServiceGoal goal = checked(input.validate(null, 0), null);
        long id = goals.insert(goal, clock.instant());
        ServiceGoal created = get(id);
        measurePast(created);
        return created;
    }

    public ServiceGoal replace(long id, GoalInput input, Long expectedVersion, Actor actor) {
        actor.requireRole(Role.SUPERVISOR);
        ServiceGoal current = get(id);
        ServiceGoal goal = checked(input.validate(id, current.version()), id);
        if (!goals.update(id, goal, expectedVersion == null ? current.version() : expectedVersion, clock.instant())) {
            throw new ConflictException("Service goal " + id + " was changed by someone else; reload it and try again.",
                    Map.of("currentVersion", current.version()));
        }
        ServiceGoal saved = get(id);
        if (saved.active()) {
            // what counts may have changed (metric, threshold, calendar, filters): measure the window again
            outcomes.deleteOfGoal(id);
            measurePast(saved);
        }
        // a deactivated goal keeps what it measured and records no new tickets
        return saved;
    }

    public void delete(long id, Actor actor) {
        actor.requireRole(Role.SUPERVISOR);
        get(id);
        goals.delete(id);
    }

    /** Outcomes of the tickets opened in the look-back window, from what the tickets already record. */
    private void measurePast(ServiceGoal goal) {
        if (!goal.active()) {
            return;
        }
        BusinessCalendar calendar = calendars.calendar(goal.calendarId()).orElseThrow();
        Instant since = clock.instant().minus(LOOK_BACK);
        Instant afterCreated = since.minusNanos(1000);
        long afterId = 0;
        while (true) {
            List<GoalOutcomes.TicketRow> batch = outcomes.ticketsSince(since, afterCreated, afterId, BATCH);
            for (GoalOutcomes.TicketRow t : batch) {
                if (goal.covers(t.facts())) {
                    Instant met = switch (goal.metric()) {
                        case FIRST_RESPONSE, CHAT_FIRST_RESPONSE -> t.firstResponseAt();
                        case RESOLUTION -> t.resolvedAt() != null ? t.resolvedAt() : t.closedAt();
                    };
                    outcomes.insert(goal.id(), t.id(), t.createdAt(), calendar.addBusinessTime(t.createdAt(), goal.threshold()), met);
                }
            }
            if (batch.size() < BATCH) {
                return;
            }
            afterCreated = batch.getLast().createdAt();
            afterId = batch.getLast().id();
        }
    }

    private ServiceGoal checked(ServiceGoal goal, Long id) {
        if (calendars.calendar(goal.calendarId()).isEmpty()) {
            throw InvalidRequestException.of("calendarId", "no calendar " + goal.calendarId());
        }
        if (goals.nameTaken(goal.name(), id)) {
            throw InvalidRequestException.of("name", "another goal is already called '" + goal.name() + "'");
        }
        return goal;
    }
}
