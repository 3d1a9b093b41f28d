package org.kefu.goals;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.kefu.sla.BusinessCalendar;
import org.kefu.sla.ManagingCalendars;
import org.kefu.ticket.Ticket;
import org.kefu.ticket.TicketEvents;
import org.kefu.ticket.TicketStatus;
import org.kefu.ticket.LoadedTickets;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps each goal's outcome per ticket, in the ticket's own transaction: a row with its deadline when
 * a covered ticket opens (the goal's filters are read at that moment), the time of the first reply or
 * the first resolution when it happens.
 */
@Component
class GoalTracking {

    private final Goals goals;
    private final GoalOutcomes outcomes;
    private final LoadedTickets tickets;
    private final ManagingCalendars calendars;
    private final Clock clock;

    GoalTracking(Goals goals, GoalOutcomes outcomes, LoadedTickets tickets, ManagingCalendars calendars, Clock clock) {
        this.goals = goals;
        this.outcomes = outcomes;
        this.tickets = tickets;
        this.calendars = calendars;
        this.clock = clock;
    }

    @EventListener
    @Transactional
    void opened(TicketEvents.TicketOpened e) {
        List<ServiceGoal> active = goals.active();
        if (active.isEmpty()) {
            return;
        }
        Ticket t = tickets.find(e.ticketId()).orElse(null);
        if (t == null) {
            return;
        }
        ServiceGoal.TicketFacts facts = new ServiceGoal.TicketFacts(t.getChannel() == null ? null : t.getChannel().name(),
                t.getPriority() == null ? null : t.getPriority().name(), t.getTeamId(), t.getDepartmentId(),
                t.getComplaintType());
        Instant opened = (t.getCreatedAt() == null ? clock.instant() : t.getCreatedAt()).truncatedTo(ChronoUnit.MICROS);
        for (ServiceGoal goal : active) {
            if (goal.covers(facts)) {
                BusinessCalendar calendar = calendars.calendar(goal.calendarId()).orElse(null);
                if (calendar != null) {
                    outcomes.insert(goal.id(), e.ticketId(), opened, calendar.addBusinessTime(opened, goal.threshold()),
                            t.getFirstResponseAt());
                }
            }
        }
    }

    @EventListener
    @Transactional
    void replied(TicketEvents.AgentReplied e) {
        outcomes.meet(e.ticketId(), GoalMetric.ANSWERS, now());
    }

    @EventListener
    @Transactional
    void statusChanged(TicketEvents.TicketStatusChanged e) {
        if (e.to() == TicketStatus.RESOLVED || e.to() == TicketStatus.CLOSED) {
            outcomes.meet(e.ticketId(), Set.of(GoalMetric.RESOLUTION), now());
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
