package org.kefu.collaboration;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import org.kefu.agent.Agent;
import org.kefu.agent.AgentDirectory;
import org.kefu.agent.Department;
import org.kefu.agent.Team;
import org.kefu.platform.Actor;
import org.kefu.platform.InvalidRequestException;
import org.kefu.platform.NotFoundException;
import org.kefu.platform.UnprocessableException;
import org.kefu.ticket.Author;
import org.kefu.ticket.Ticket;
import org.kefu.ticket.TicketNotice;
import org.kefu.ticket.TicketWork;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hands a ticket to another agent, team or department with a required reason (转接). The placement
 * goes through {@link TicketWork#assign}, so whoever may assign the ticket may transfer it; the reason
 * is written on the timeline and kept, so the receiver sees why and from whom.
 */
@Service
@Transactional
public class TransferringTickets {

    public static final int MAX_REASON = 2000;

    private final TicketWork work;
    private final AgentDirectory agents;
    private final TransferStore transfers;
    private final Clock clock;

    TransferringTickets(TicketWork work, AgentDirectory agents, TransferStore transfers, Clock clock) {
        this.work = work;
        this.agents = agents;
        this.transfers = transfers;
        this.clock = clock;
    }

    /** Exactly one of agentId, teamId, departmentId; the reason must not be blank (422). */
    public TicketTransfer transfer(long ticketId, Long agentId, Long teamId, Long departmentId, String reason, Actor actor) {
        int targets = (agentId != null ? 1 : 0) + (teamId != null ? 1 : 0) + (departmentId != null ? 1 : 0);
        if (targets != 1) {
            throw InvalidRequestException.of("agentId", "give exactly one of agentId, teamId, departmentId");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new UnprocessableException("reason: a transfer needs a reason, so the receiver knows why");
        }
        if (why.length() > MAX_REASON) {
            throw InvalidRequestException.of("reason", "must be at most " + MAX_REASON + " characters");
        }
        Ticket ticket = work.get(ticketId, actor);
        TicketTransfer.TargetKind kind;
        long targetId;
        String targetName;
        if (agentId != null) {
            Agent agent = agent(agentId);
            boolean inDepartment = agent.getDepartments().stream().anyMatch(d -> d.getId() == ticket.getDepartmentId());
            Long department = inDepartment || agent.getDepartments().isEmpty() ? null
                    : agent.getDepartments().stream().map(Department::getId).min(Comparator.naturalOrder()).orElseThrow();
            Long team = inDepartment && ticket.getTeamId() != null
                    && agent.getTeams().stream().anyMatch(t -> t.getId().equals(ticket.getTeamId())) ? ticket.getTeamId() : null;
            work.assign(ticketId, department, team, agentId, actor);
            kind = TicketTransfer.TargetKind.AGENT;
            targetId = agentId;
            targetName = agent.getDisplayName();
        } else if (teamId != null) {
            Team team = team(teamId);
            work.assign(ticketId, null, teamId, null, actor);
            kind = TicketTransfer.TargetKind.TEAM;
            targetId = teamId;
            targetName = team.getName();
        } else {
            Department department = department(departmentId);
            work.assign(ticketId, departmentId, null, null, actor);
            kind = TicketTransfer.TargetKind.DEPARTMENT;
            targetId = departmentId;
            targetName = department.getName();
        }
        TicketTransfer saved = transfers.insert(ticketId, actor.id(), actor.name(), kind, targetId, targetName, why,
                clock.instant());
        work.recordNotice(ticketId, TicketNotice.warning("priority.transfer.notice", targetName, why), Author.of(actor));
        return saved;
    }

    /** The ticket's transfers, newest first (at most 50), for someone who may see the ticket. */
    @Transactional(readOnly = true)
    public List<TicketTransfer> history(long ticketId, Actor actor) {
        work.get(ticketId, actor);
        return transfers.newestFirst(ticketId, 50);
    }

    private Agent agent(long id) {
        try {
            Agent agent = agents.get(id);
            if (!agent.isActive()) {
                throw InvalidRequestException.of("agentId", "agent " + id + " is deactivated");
            }
            return agent;
        } catch (NotFoundException e) {
            throw InvalidRequestException.of("agentId", "no agent " + id);
        }
    }

    private Team team(long id) {
        try {
            return agents.team(id);
        } catch (NotFoundException e) {
            throw InvalidRequestException.of("teamId", "no team " + id);
        }
    }

    private Department department(long id) {
        try {
            return agents.department(id);
        } catch (NotFoundException e) {
            throw InvalidRequestException.of("departmentId", "no department " + id);
        }
    }
}
