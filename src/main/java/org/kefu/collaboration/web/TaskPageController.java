package org.kefu.collaboration.web;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.kefu.agent.AgentDirectory;
import org.kefu.collaboration.AskingDepartments;
import org.kefu.collaboration.TaskState;
import org.kefu.collaboration.TicketTask;
import org.kefu.platform.Actor;
import org.kefu.platform.ConflictException;
import org.kefu.platform.ForbiddenException;
import org.kefu.platform.InvalidRequestException;
import org.kefu.platform.Slice;
import org.kefu.ticket.Ticket;
import org.kefu.ticket.Tickets;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * /tasks: open questions other departments asked the agent's departments, with an answer form. The
 * ticket's number and subject are shown; the ticket links only for those who may open it.
 */
@Controller
class TaskPageController {

    static final int PAGE = 25;

    private final AskingDepartments asking;
    private final AgentDirectory agents;
    private final Tickets tickets;
    private final TransactionTemplate transactions;

    TaskPageController(AskingDepartments asking, AgentDirectory agents, Tickets tickets, TransactionTemplate transactions) {
        this.asking = asking;
        this.agents = agents;
        this.tickets = tickets;
        this.transactions = transactions;
    }

    record Row(TicketTask task, String ticketSubject, boolean canOpenTicket, boolean canAnswer, String department) {
    }

    @GetMapping("/tasks")
    String list(@RequestParam(required = false) String cursor, @RequestParam(required = false) Long answered, Actor actor,
            Model model) {
        return render(cursor, actor, model, Map.of(), Map.of(), answered);
    }

    @PostMapping("/tasks/{taskId}/answer")
    String answer(@PathVariable long taskId, @RequestParam(required = false) String answer, Actor actor, Model model) {
        Map<Long, String> errors = new HashMap<>();
        try {
            asking.answer(taskId, answer, actor);
        } catch (InvalidRequestException | ConflictException | ForbiddenException e) {
            errors.put(taskId, e instanceof InvalidRequestException i ? i.problems().getFirst().field() + ": "
                    + i.problems().getFirst().message() : e.getMessage());
        }
        if (errors.isEmpty()) {
            return "redirect:/tasks?answered=" + taskId;
        }
        return render(null, actor, model, errors, Map.of(taskId, answer == null ? "" : answer), null);
    }

    private String render(String cursor, Actor actor, Model model, Map<Long, String> errors, Map<Long, String> kept,
            Long answered) {
        Slice<TicketTask> page = asking.list(null, TaskState.OPEN, cursor, PAGE, actor);
        Map<Long, Ticket> byId = transactions.execute(tx -> tickets.findAllById(page.items().stream()
                .map(TicketTask::ticketId).distinct().toList()).stream().collect(Collectors.toMap(Ticket::getId, Function.identity())));
        Map<Long, String> departments = new LinkedHashMap<>();
        agents.departments().forEach(d -> departments.put(d.getId(), d.getName()));
        List<Row> rows = page.items().stream().map(t -> {
            Ticket ticket = byId.get(t.ticketId());
            return new Row(t, ticket == null ? "" : ticket.getSubject(),
                    ticket != null && actor.canSee(ticket.getDepartmentId(), ticket.getTeamId(), ticket.getAssigneeId()),
                    asking.canAnswer(t, actor), departments.getOrDefault(t.departmentId(), ""));
        }).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("nextCursor", page.nextCursor());
        model.addAttribute("errors", errors);
        model.addAttribute("kept", kept);
        model.addAttribute("answered", answered);
        model.addAttribute("navSection", "tickets");
        return "priority/tasks";
    }
}
