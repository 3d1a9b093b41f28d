package org.kefu.collaboration;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.kefu.agent.Agent;
import org.kefu.agent.AgentDirectory;
import org.kefu.agent.Department;
import org.kefu.platform.Actor;
import org.kefu.platform.ConflictException;
import org.kefu.platform.Cursor;
import org.kefu.platform.ForbiddenException;
import org.kefu.platform.InvalidRequestException;
import org.kefu.platform.NotFoundException;
import org.kefu.platform.Slice;
import org.kefu.ticket.Author;
import org.kefu.ticket.Ticket;
import org.kefu.ticket.TicketFinder;
import org.kefu.ticket.TicketNotice;
import org.kefu.ticket.TicketScope;
import org.kefu.ticket.TicketWork;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cross-department help (跨部门协作) without handing the ticket over: whoever works a ticket asks a
 * department a question; that department's agents see the task (the ticket's number and subject and
 * the question) even when they cannot see the ticket, answer it, and the answer is written on the
 * ticket's timeline. The ticket itself keeps its visibility rule: being asked does not open it.
 */
@Service
@Transactional
public class AskingDepartments {

    private final TicketWork work;
    private final TicketFinder finder;
    private final AgentDirectory agents;
    private final TaskStore tasks;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AskingDepartments(TicketWork work, TicketFinder finder, AgentDirectory agents, TaskStore tasks,
            ApplicationEventPublisher events, Clock clock) {
        this.work = work;
        this.finder = finder;
        this.agents = agents;
        this.tasks = tasks;
        this.events = events;
        this.clock = clock;
    }

    public TicketTask ask(long ticketId, NewTask command, Actor actor) {
        Ticket ticket = work.get(ticketId, actor);
        String question = command.question() == null ? "" : command.question().strip();
        if (question.isEmpty()) {
            throw InvalidRequestException.of("question", "must not be blank");
        }
        if (command.departmentId() == null) {
            throw InvalidRequestException.of("departmentId", "must not be null");
        }
        Department department;
        try {
            department = agents.department(command.departmentId());
        } catch (NotFoundException e) {
            throw InvalidRequestException.of("departmentId", "no department " + command.departmentId());
        }
        if (command.assigneeId() != null) {
            Agent assignee;
            try {
                assignee = agents.get(command.assigneeId());
            } catch (NotFoundException e) {
                throw InvalidRequestException.of("assigneeId", "no agent " + command.assigneeId());
            }
            if (!assignee.isActive() || assignee.getDepartments().stream().noneMatch(d -> d.getId().equals(department.getId()))) {
                throw InvalidRequestException.of("assigneeId", "agent " + command.assigneeId()
                        + " is not an active member of department " + department.getId());
            }
        }
        Instant now = clock.instant();
        TicketTask task = tasks.insert(ticketId, ticket.getNumber(), department.getId(), command.assigneeId(), question,
                command.dueAt(), actor.id(), actor.name(), now);
        work.recordNotice(ticketId, TicketNotice.info("priority.task.opened", department.getName(), question), Author.of(actor));
        events.publishEvent(new TaskEvents.TaskOpened(task.id(), ticketId, department.getId()));
        return task;
    }

    /** The department (or the task's assignee, or an admin) answers; the answer goes on the ticket's timeline. */
    public TicketTask answer(long taskId, String answer, Actor actor) {
        TicketTask task = tasks.lock(taskId).filter(t -> canSee(t, actor)).orElseThrow(() -> new NotFoundException("Task", taskId));
        if (!canAnswer(task, actor)) {
            throw new ForbiddenException("Only the asked department's agents answer this task.");
        }
        String text = answer == null ? "" : answer.strip();
        if (text.isEmpty()) {
            throw InvalidRequestException.of("answer", "must not be blank");
        }
        if (text.length() > 4000) {
            throw InvalidRequestException.of("answer", "must be at most 4000 characters");
        }
        if (!tasks.answer(taskId, text, actor.id(), actor.name(), clock.instant())) {
            throw new ConflictException("This task is " + task.state() + " and takes no answer.");
        }
        String department = agents.department(task.departmentId()).getName();
        work.recordNotice(task.ticketId(), TicketNotice.info("priority.task.answered", department, task.question(), text),
                Author.of(actor));
        events.publishEvent(new TaskEvents.TaskAnswered(taskId, task.ticketId(), task.departmentId()));
        return tasks.find(taskId).orElseThrow();
    }

    /** Whoever may see the ticket (the asking side) withdraws an open question. */
    public TicketTask cancel(long taskId, Actor actor) {
        TicketTask task = tasks.lock(taskId).filter(t -> canSee(t, actor)).orElseThrow(() -> new NotFoundException("Task", taskId));
        work.get(task.ticketId(), actor);
        if (!tasks.cancel(taskId, clock.instant())) {
            throw new ConflictException("This task is " + task.state() + " and cannot be cancelled.");
        }
        String department = agents.department(task.departmentId()).getName();
        work.recordNotice(task.ticketId(), TicketNotice.info("priority.task.cancelled", department, task.question()),
                Author.of(actor));
        events.publishEvent(new TaskEvents.TaskCancelled(taskId, task.ticketId(), task.departmentId()));
        return tasks.find(taskId).orElseThrow();
    }

    @Transactional(readOnly = true)
    public TicketTask get(long taskId, Actor actor) {
        return tasks.find(taskId).filter(t -> canSee(t, actor)).orElseThrow(() -> new NotFoundException("Task", taskId));
    }

    /** A ticket's tasks (at most 100), for someone who may see the ticket. */
    @Transactional(readOnly = true)
    public List<TicketTask> ofTicket(long ticketId, Actor actor) {
        work.get(ticketId, actor);
        return tasks.ofTicket(ticketId, 100);
    }

    /**
     * Tasks of a department in a state, oldest first, paged by keyset on id. Without a department:
     * all of the actor's departments (everything for an admin). A department the actor is not in is
     * refused (403) unless the actor is an admin.
     */
    @Transactional(readOnly = true)
    public Slice<TicketTask> list(Long departmentId, TaskState state, String cursor, int limit, Actor actor) {
        Collection<Long> departments;
        if (departmentId != null) {
            if (!actor.isAdmin() && !actor.departmentIds().contains(departmentId)) {
                throw new ForbiddenException("You are not in department " + departmentId + ".");
            }
            departments = List.of(departmentId);
        } else if (actor.isAdmin()) {
            departments = null;
        } else if (actor.departmentIds().isEmpty()) {
            return new Slice<>(List.of(), null);
        } else {
            departments = new ArrayList<>(actor.departmentIds());
        }
        long after = cursor == null ? 0 : Cursor.decode(cursor, "id").id();
        List<TicketTask> rows = tasks.page(departments, state == null ? TaskState.OPEN : state, after, limit + 1);
        return Slice.fromOverfetch(rows, limit, t -> new Cursor("id", null, t.id()));
    }

    /** Departments other than {@code ownDepartment} with an open question on the ticket (for the priority's complexity). */
    @Transactional(readOnly = true)
    public Set<Long> departmentsAsked(long ticketId, long ownDepartment) {
        Set<Long> result = new java.util.HashSet<>(tasks.openDepartments(ticketId));
        result.remove(ownDepartment);
        return result;
    }

    /** Whether the actor may read the task: an admin, the asked department, the assignee, or whoever may see the ticket. */
    public boolean canSee(TicketTask task, Actor actor) {
        if (canAnswer(task, actor)) {
            return true;
        }
        return finder.scope(task.ticketId())
                .map((TicketScope s) -> actor.canSee(s.departmentId(), s.teamId(), s.assigneeId())).orElse(false);
    }

    /** Whether the actor answers for the asked department. */
    public boolean canAnswer(TicketTask task, Actor actor) {
        return actor.isAdmin() || actor.departmentIds().contains(task.departmentId())
                || (task.assigneeId() != null && task.assigneeId() == actor.id());
    }
}
