package org.kefu.priority.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.kefu.agent.AgentDirectory;
import org.kefu.agent.AgentName;
import org.kefu.collaboration.AskingDepartments;
import org.kefu.collaboration.NewTask;
import org.kefu.collaboration.TicketTask;
import org.kefu.collaboration.TicketTransfer;
import org.kefu.collaboration.TransferringTickets;
import org.kefu.platform.Actor;
import org.kefu.platform.ConflictException;
import org.kefu.platform.ForbiddenException;
import org.kefu.platform.InvalidRequestException;
import org.kefu.platform.NotFoundException;
import org.kefu.platform.UnprocessableException;
import org.kefu.platform.web.Times;
import org.kefu.priority.PriorityFactor;
import org.kefu.priority.PriorityRules;
import org.kefu.priority.TicketPriorities;
import org.kefu.priority.TicketPriority;
import org.kefu.ticket.Priority;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The ticket page's priority panel (htmx fragment at /tickets/{id}/priority-panel): the score and why,
 * the override form, the newest transfer and the transfer form, and the ticket's questions to other
 * departments. Every change goes through the same services as the API; refused input comes back in
 * the panel next to its field.
 */
@Controller
class PriorityPanelController {

    /** htmx event after a change here: the ticket page's header and timeline reload. */
    private static final String CHANGED = "kefu-ticket-changed";

    private final TicketPriorities priorities;
    private final TransferringTickets transferring;
    private final AskingDepartments asking;
    private final AgentDirectory agents;
    private final TransactionTemplate transactions;
    private final MessageSource messages;
    private final Times times;

    PriorityPanelController(TicketPriorities priorities, TransferringTickets transferring, AskingDepartments asking,
            AgentDirectory agents, TransactionTemplate transactions, MessageSource messages, Times times) {
        this.priorities = priorities;
        this.transferring = transferring;
        this.asking = asking;
        this.agents = agents;
        this.transactions = transactions;
        this.messages = messages;
        this.times = times;
    }

    record Option(String value, String label) {
    }

    record FactorRow(PriorityFactor factor, int value, int weight, double points, List<org.kefu.priority.Signal> signals) {
    }

    @GetMapping("/tickets/{id}/priority-panel")
    String panel(@PathVariable long id, Actor actor, Model model) {
        return render(id, actor, model, Map.of(), Map.of(), null);
    }

    @PostMapping("/tickets/{id}/priority-panel/override")
    String override(@PathVariable long id, @RequestParam(required = false) String priority,
            @RequestParam(required = false) String reason, Actor actor, Locale locale, Model model, HttpServletResponse response) {
        Map<String, String> errors = new LinkedHashMap<>();
        Priority chosen = parsePriority(priority);
        if (chosen == null) {
            errors.put("override.priority", text(locale, "priority.override.priority"));
        }
        if (reason == null || reason.isBlank()) {
            errors.put("override.reason", text(locale, "priority.override.reasonRequired"));
        }
        if (errors.isEmpty()) {
            run(errors, "override", () -> priorities.override(id, chosen, reason, actor));
        }
        return after(id, actor, model, response, errors, Map.of("override.reason", reason == null ? "" : reason), null);
    }

    @PostMapping("/tickets/{id}/priority-panel/clear")
    String clear(@PathVariable long id, Actor actor, Model model, HttpServletResponse response) {
        Map<String, String> errors = new LinkedHashMap<>();
        run(errors, "override", () -> priorities.clearOverride(id, actor));
        return after(id, actor, model, response, errors, Map.of(), null);
    }

    @PostMapping("/tickets/{id}/priority-panel/transfer")
    String transfer(@PathVariable long id, @RequestParam(required = false) String target,
            @RequestParam(required = false) String reason, Actor actor, Locale locale, Model model, HttpServletResponse response) {
        Map<String, String> errors = new LinkedHashMap<>();
        Long agentId = targetId(target, "agent");
        Long teamId = targetId(target, "team");
        Long departmentId = targetId(target, "department");
        if (agentId == null && teamId == null && departmentId == null) {
            errors.put("transfer.target", text(locale, "priority.transfer.targetRequired"));
        }
        if (reason == null || reason.isBlank()) {
            errors.put("transfer.reason", text(locale, "priority.transfer.reasonRequired"));
        }
        String[] done = new String[1];
        if (errors.isEmpty()) {
            run(errors, "transfer", () -> done[0] = transferring.transfer(id, agentId, teamId, departmentId, reason, actor)
                    .targetName());
        }
        Map<String, String> kept = Map.of("transfer.reason", reason == null ? "" : reason, "transfer.target",
                target == null ? "" : target);
        String notice = done[0] == null ? null : text(locale, "priority.transfer.done", done[0]);
        return after(id, actor, model, response, errors, kept, notice);
    }

    @PostMapping("/tickets/{id}/priority-panel/tasks")
    String ask(@PathVariable long id, @RequestParam(required = false) Long departmentId,
            @RequestParam(required = false) Long assigneeId, @RequestParam(required = false) String question,
            @RequestParam(required = false) String dueAt, Actor actor, Locale locale, Model model, HttpServletResponse response) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (question == null || question.isBlank()) {
            errors.put("task.question", text(locale, "priority.task.questionRequired"));
        }
        Instant due = null;
        if (dueAt != null && !dueAt.isBlank()) {
            try {
                due = LocalDateTime.parse(dueAt.strip()).atZone(times.zone()).toInstant();
            } catch (DateTimeParseException e) {
                errors.put("task.dueAt", text(locale, "priority.task.due"));
            }
        }
        Instant dueInstant = due;
        if (errors.isEmpty()) {
            run(errors, "task", () -> asking.ask(id, new NewTask(question, departmentId, assigneeId, dueInstant), actor));
        }
        return after(id, actor, model, response, errors, Map.of("task.question", question == null ? "" : question), null);
    }

    @PostMapping("/tickets/{id}/priority-panel/tasks/{taskId}/cancel")
    String cancel(@PathVariable long id, @PathVariable long taskId, Actor actor, Model model, HttpServletResponse response) {
        Map<String, String> errors = new LinkedHashMap<>();
        run(errors, "task", () -> asking.cancel(taskId, actor));
        return after(id, actor, model, response, errors, Map.of(), null);
    }

    // ---- internals --------------------------------------------------------------------------------

    private void run(Map<String, String> errors, String section, Runnable action) {
        try {
            action.run();
        } catch (InvalidRequestException e) {
            e.problems().forEach(p -> errors.merge(section + "." + p.field(), p.message(), (a, b) -> a + "; " + b));
        } catch (UnprocessableException | ConflictException | ForbiddenException e) {
            errors.put(section, e.getMessage());
        }
    }

    private String after(long id, Actor actor, Model model, HttpServletResponse response, Map<String, String> errors,
            Map<String, String> kept, String notice) {
        if (errors.isEmpty()) {
            response.setHeader("HX-Trigger", CHANGED);
        }
        try {
            return render(id, actor, model, errors, errors.isEmpty() ? Map.of() : kept, notice);
        } catch (NotFoundException gone) {
            // transferred out of the agent's sight
            model.addAttribute("gone", notice);
            response.setHeader("HX-Redirect", "/tickets");
            return "priority/panel-gone";
        }
    }

    private String render(long id, Actor actor, Model model, Map<String, String> errors, Map<String, String> kept,
            String notice) {
        TicketPriority p = priorities.of(id, actor);
        PriorityRules rules = priorities.rules();
        List<FactorRow> factors = Arrays.stream(PriorityFactor.values()).map(f -> new FactorRow(f, p.score().factor(f),
                rules.weight(f), p.score().contribution(f),
                p.score().signals().stream().filter(s -> s.factor() == f).toList())).toList();
        List<TicketTransfer> transfers = transferring.history(id, actor);
        List<TicketTask> tasks = asking.ofTicket(id, actor);
        List<Option> agentOptions = agents.names().stream().filter(AgentName::active)
                .map(a -> new Option(String.valueOf(a.id()), a.displayName())).toList();
        Map<Long, String> departmentNames = new LinkedHashMap<>();
        agents.departments().forEach(d -> departmentNames.put(d.getId(), d.getName()));
        List<Option> teams = transactions.execute(tx -> agents.teams().stream()
                .map(t -> new Option(String.valueOf(t.getId()), t.getName() + " · " + t.getDepartment().getName())).toList());
        model.addAttribute("ticketId", id);
        model.addAttribute("p", p);
        model.addAttribute("factors", factors);
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("transfers", transfers);
        model.addAttribute("latestTransfer", transfers.isEmpty() ? null : transfers.getFirst());
        model.addAttribute("tasks", tasks);
        model.addAttribute("agentOptions", agentOptions);
        model.addAttribute("teamOptions", teams);
        model.addAttribute("departmentNames", departmentNames);
        model.addAttribute("errors", errors);
        model.addAttribute("kept", kept);
        model.addAttribute("notice", notice);
        return "priority/panel";
    }

    private static Priority parsePriority(String value) {
        try {
            return value == null ? null : Priority.valueOf(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Long targetId(String target, String kind) {
        if (target == null || !target.startsWith(kind + ":")) {
            return null;
        }
        try {
            return Long.parseLong(target.substring(kind.length() + 1));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private String text(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
