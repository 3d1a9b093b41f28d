package org.kefu.ticket;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.kefu.agent.AgentDirectory;
import org.kefu.platform.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes the desk itself makes to a ticket (an escalation rule, a timer), written on the timeline
 * as done by {@link Author#SYSTEM}. Not access-checked: no reader acts here; callers are rules an
 * admin configured. Publishes the same events as {@link TicketWork}, so SLA clocks and live pages follow.
 */
@Service
@Transactional
public class SystemTicketWork {

    private final Tickets tickets;
    private final TagCatalogue tags;
    private final AgentDirectory agents;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SystemTicketWork(Tickets tickets, TagCatalogue tags, AgentDirectory agents, ApplicationEventPublisher events, Clock clock) {
        this.tickets = tickets;
        this.tags = tags;
        this.agents = agents;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Sets the priority on the desk's own behalf (the automatic priority score, a rule), recorded on
     * the timeline as done by {@code by}. Not access-checked, like {@link TicketWork#recordNotice}; agents change
     * the priority through {@link TicketWork#update}. Publishes {@code TicketUpdated} when it changed.
     */
    public Ticket prioritise(long id, Priority priority, Author by) {
        Ticket ticket = find(id);
        if (ticket.getPriority() != priority) {
            ticket.changePriority(priority, by, clock.instant());
            events.publishEvent(new TicketEvents.TicketUpdated(id));
        }
        return ticket;
    }

    /**
     * Places the ticket on behalf of the desk itself (a routing rule, an automatic assignment), with the
     * same placement checks as {@link TicketWork#assign}; not access-checked, so only desk code calls it. A null
     * department keeps the current one (or takes the team's), null team or assignee clears it.
     */
    public Ticket route(long id, Long departmentId, Long teamId, Long assigneeId, Author by) {
        Ticket ticket = find(id);
        long department = TicketIntake.TicketPlacement.check(agents,
                departmentId != null ? departmentId : teamId == null ? ticket.getDepartmentId() : null, teamId, assigneeId);
        ticket.assign(department, teamId, assigneeId, by, clock.instant());
        events.publishEvent(new TicketEvents.TicketUpdated(id));
        return ticket;
    }

    /** Moves the ticket to a team (and that team's department) and/or an agent; a null team keeps the current one. */
    public Ticket reassign(long id, Long teamId, Long assigneeId) {
        Ticket ticket = find(id);
        Long team = teamId != null ? teamId : ticket.getTeamId();
        return route(id, teamId == null ? ticket.getDepartmentId() : null, team, assigneeId, Author.SYSTEM);
    }

    public Ticket addTag(long id, String tag) {
        Ticket ticket = find(id);
        if (ticket.getTags().contains(tag)) {
            return ticket;
        }
        List<String> all = new ArrayList<>(ticket.getTags());
        all.add(tag);
        List<String> clean = TagCatalogue.clean(all, "tag");
        tags.ensure(clean);
        ticket.replaceTags(clean, Author.SYSTEM, clock.instant());
        events.publishEvent(new TicketEvents.TicketUpdated(id));
        return ticket;
    }

    private Ticket find(long id) {
        return tickets.findById(id).orElseThrow(() -> new NotFoundException("Ticket", id));
    }
}
