package org.kefu.collaboration.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.kefu.collaboration.AskingDepartments;
import org.kefu.collaboration.NewTask;
import org.kefu.collaboration.TaskState;
import org.kefu.collaboration.TicketTask;
import org.kefu.collaboration.TicketTransfer;
import org.kefu.collaboration.TransferringTickets;
import org.kefu.platform.Actor;
import org.kefu.platform.PageLimit;
import org.kefu.platform.Slice;
import org.kefu.ticket.Ticket;
import org.kefu.ticket.Tickets;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Transfers and cross-department tasks")
class CollaborationApiController {

    private final TransferringTickets transferring;
    private final AskingDepartments asking;
    private final Tickets tickets;
    private final TransactionTemplate transactions;

    CollaborationApiController(TransferringTickets transferring, AskingDepartments asking, Tickets tickets,
            TransactionTemplate transactions) {
        this.transferring = transferring;
        this.asking = asking;
        this.tickets = tickets;
        this.transactions = transactions;
    }

    record TransferRequest(Long agentId, Long teamId, Long departmentId, String reason) {
    }

    @PostMapping("/api/v1/tickets/{id}/transfer")
    @Operation(summary = "Transfer the ticket to another agent, team or department (exactly one) with a required reason "
            + "(422 without); the reason goes on the timeline and is shown to the receiver")
    ResponseEntity<TicketTransfer> transfer(@PathVariable long id, @RequestBody TransferRequest body, Actor actor) {
        TicketTransfer t = transferring.transfer(id, body.agentId(), body.teamId(), body.departmentId(), body.reason(), actor);
        return ResponseEntity.status(201).body(t);
    }

    @GetMapping("/api/v1/tickets/{id}/transfers")
    @Operation(summary = "The ticket's transfers, newest first")
    List<TicketTransfer> transfers(@PathVariable long id, Actor actor) {
        return transferring.history(id, actor);
    }

    /** A task with the ticket's subject and whether the reader may open the ticket itself. */
    record TaskView(long id, long ticketId, String ticketNumber, String ticketSubject, boolean canOpenTicket,
                    long departmentId, Long assigneeId, String question, Instant dueAt, TaskState state, long askedById,
                    String askedByName, Instant askedAt, String answer, Long answeredById, String answeredByName,
                    Instant answeredAt, Instant closedAt, boolean canAnswer) {
    }

    @GetMapping("/api/v1/tickets/{id}/tasks")
    @Operation(summary = "The ticket's questions to other departments")
    List<TaskView> ticketTasks(@PathVariable long id, Actor actor) {
        return views(asking.ofTicket(id, actor), actor);
    }

    @PostMapping("/api/v1/tickets/{id}/tasks")
    @Operation(summary = "Ask a department a question about the ticket (optional assignee in that department, due time); "
            + "its agents see the task and the ticket's number and subject, not the ticket")
    ResponseEntity<TaskView> ask(@PathVariable long id, @Valid @RequestBody NewTask body, Actor actor) {
        TicketTask task = asking.ask(id, body, actor);
        return ResponseEntity.created(URI.create("/api/v1/tasks/" + task.id())).body(views(List.of(task), actor).getFirst());
    }

    @GetMapping("/api/v1/tasks")
    @Operation(summary = "Tasks of a department (default: all of yours) in a state (default OPEN), oldest first, by cursor")
    Slice<TaskView> list(@Parameter(description = "department id; one of yours") @RequestParam(required = false) Long department,
            @RequestParam(required = false) TaskState state, @RequestParam(required = false) String cursor,
            @RequestParam(required = false) Integer limit, Actor actor) {
        Slice<TicketTask> page = asking.list(department, state, cursor, PageLimit.of(limit), actor);
        return new Slice<>(views(page.items(), actor), page.nextCursor());
    }

    @GetMapping("/api/v1/tasks/{taskId}")
    TaskView get(@PathVariable long taskId, Actor actor) {
        return views(List.of(asking.get(taskId, actor)), actor).getFirst();
    }

    record AnswerRequest(String answer) {
    }

    @PostMapping("/api/v1/tasks/{taskId}/answer")
    @Operation(summary = "Answer a task (the asked department's agents); the answer is written on the ticket's timeline")
    TaskView answer(@PathVariable long taskId, @RequestBody AnswerRequest body, Actor actor) {
        return views(List.of(asking.answer(taskId, body.answer(), actor)), actor).getFirst();
    }

    @PostMapping("/api/v1/tasks/{taskId}/cancel")
    @Operation(summary = "Withdraw an open task (whoever may see the ticket)")
    TaskView cancel(@PathVariable long taskId, Actor actor) {
        return views(List.of(asking.cancel(taskId, actor)), actor).getFirst();
    }

    /** Subjects of all the page's tickets in one query. */
    private List<TaskView> views(List<TicketTask> tasks, Actor actor) {
        Map<Long, Ticket> byId = transactions.execute(tx -> tickets.findAllById(tasks.stream().map(TicketTask::ticketId)
                .distinct().toList()).stream().collect(Collectors.toMap(Ticket::getId, Function.identity())));
        return tasks.stream().map(t -> {
            Ticket ticket = byId.get(t.ticketId());
            boolean canOpen = ticket != null && actor.canSee(ticket.getDepartmentId(), ticket.getTeamId(), ticket.getAssigneeId());
            return new TaskView(t.id(), t.ticketId(), t.ticketNumber(), ticket == null ? null : ticket.getSubject(), canOpen,
                    t.departmentId(), t.assigneeId(), t.question(), t.dueAt(), t.state(), t.askedById(), t.askedByName(),
                    t.askedAt(), t.answer(), t.answeredById(), t.answeredByName(), t.answeredAt(), t.closedAt(),
                    t.isOpen() && asking.canAnswer(t, actor));
        }).toList();
    }
}
