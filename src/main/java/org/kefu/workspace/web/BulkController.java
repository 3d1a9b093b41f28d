package org.kefu.workspace.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.kefu.platform.Actor;
import org.kefu.platform.ConflictException;
import org.kefu.platform.ForbiddenException;
import org.kefu.platform.InvalidRequestException;
import org.kefu.platform.NotFoundException;
import org.kefu.platform.UnprocessableException;
import org.kefu.ticket.IllegalTransitionException;
import org.kefu.ticket.Ticket;
import org.kefu.ticket.TicketStatus;
import org.kefu.ticket.TicketWork;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Bulk actions on the selected tickets: assign, change status, add a tag. Each ticket is its own
 * transaction through {@link TicketWork}, with the actor's permissions; every failure is reported
 * with the ticket's number and the reason, never dropped.
 */
@Controller
class BulkController {

    static final int MAX_TICKETS = 100;

    private final TicketWork work;
    private final MessageSource messages;
    private final TransactionTemplate transactions;

    BulkController(TicketWork work, MessageSource messages, TransactionTemplate transactions) {
        this.work = work;
        this.messages = messages;
        this.transactions = transactions;
    }

    record Failure(long id, String number, String reason) {
    }

    @PostMapping("/workspace/bulk")
    String bulk(@RequestParam(required = false) List<Long> ids, @RequestParam String action,
            @RequestParam(required = false) Long assignee, @RequestParam(required = false) Long team,
            @RequestParam(required = false) TicketStatus status, @RequestParam(required = false) String tag,
            Actor actor, Locale locale, Model model) {
        List<Long> selected = ids == null ? List.of() : ids.stream().distinct().toList();
        if (selected.isEmpty()) {
            throw InvalidRequestException.of("ids", text("workspace.bulk.noneSelected", locale));
        }
        if (selected.size() > MAX_TICKETS) {
            throw InvalidRequestException.of("ids", text("workspace.bulk.tooMany", locale, MAX_TICKETS));
        }
        switch (action) {
            case "assign" -> {
                if (assignee == null && team == null) {
                    throw InvalidRequestException.of("assignee", text("workspace.bulk.chooseAssignee", locale));
                }
            }
            case "status" -> {
                if (status == null) {
                    throw InvalidRequestException.of("status", text("workspace.bulk.chooseStatus", locale));
                }
            }
            case "tag" -> {
                if (tag == null || tag.isBlank()) {
                    throw InvalidRequestException.of("tag", text("workspace.bulk.enterTag", locale));
                }
            }
            default -> throw InvalidRequestException.of("action", "must be assign, status or tag");
        }
        int done = 0;
        List<Failure> failures = new ArrayList<>();
        for (long id : selected) {
            try {
                transactions.executeWithoutResult(tx -> apply(id, action, assignee, team, status, tag, actor));
                done++;
            } catch (IllegalTransitionException e) {
                failures.add(failure(id, actor, text("workspace.bulk.fail.transition", locale,
                        messages.getMessage("status." + e.properties().get("currentStatus"), null, locale),
                        messages.getMessage("status." + status, null, locale))));
            } catch (NotFoundException e) {
                failures.add(new Failure(id, "#" + id, text("workspace.bulk.fail.notFound", locale)));
            } catch (ForbiddenException e) {
                failures.add(failure(id, actor, text("workspace.bulk.fail.forbidden", locale)));
            } catch (InvalidRequestException | UnprocessableException | ConflictException e) {
                failures.add(failure(id, actor, e.getMessage()));
            }
        }
        model.addAttribute("done", done);
        model.addAttribute("failures", failures);
        return "workspace/fragments :: bulkResult";
    }

    private void apply(long id, String action, Long assignee, Long team, TicketStatus status, String tag, Actor actor) {
        switch (action) {
            case "assign" -> {
                Ticket ticket = work.get(id, actor);
                // assigning only an agent keeps the ticket's team; 0 means "nobody"
                Long teamId = team != null ? (team == 0 ? null : team) : ticket.getTeamId();
                Long assigneeId = assignee != null ? (assignee == 0 ? null : assignee) : ticket.getAssigneeId();
                work.assign(id, null, teamId, assigneeId, actor);
            }
            case "status" -> work.changeStatus(id, status, actor);
            case "tag" -> work.addTags(id, List.of(tag.strip()), actor);
            default -> throw new IllegalStateException(action);
        }
    }

    private Failure failure(long id, Actor actor, String reason) {
        String number;
        try {
            number = transactions.execute(tx -> work.get(id, actor).getNumber());
        } catch (RuntimeException e) {
            number = "#" + id;
        }
        return new Failure(id, number, reason);
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
