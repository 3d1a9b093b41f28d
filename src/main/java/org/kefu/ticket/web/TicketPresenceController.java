package org.kefu.ticket.web;

import org.kefu.platform.Actor;
import org.kefu.platform.InvalidRequestException;
import org.kefu.platform.live.LiveEvent;
import org.kefu.platform.live.LiveUpdates;
import org.kefu.ticket.Ticket;
import org.kefu.ticket.TicketWork;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The collision warning: open ticket pages beat here every 15 s and when the agent types; the
 * others who may see the ticket get an SSE {@code presence} event and reload the list of who is
 * on it.
 */
@Controller
@RequestMapping("/tickets/{id}/presence")
class TicketPresenceController {

    private final TicketPresence presence;
    private final TicketWork work;
    private final LiveUpdates live;
    private final TransactionTemplate transactions;

    TicketPresenceController(TicketPresence presence, TicketWork work, LiveUpdates live, TransactionTemplate transactions) {
        this.presence = presence;
        this.work = work;
        this.live = live;
        this.transactions = transactions;
    }

    private record Scope(Long departmentId, Long teamId, Long assigneeId) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void beat(@PathVariable long id, @RequestParam(defaultValue = "viewing") String state, Actor actor) {
        Scope scope = transactions.execute(tx -> {
            Ticket t = work.get(id, actor);
            return new Scope(t.getDepartmentId(), t.getTeamId(), t.getAssigneeId());
        });
        boolean changed = switch (state) {
            case "viewing" -> presence.beat(id, actor.id(), actor.name(), TicketPresence.State.VIEWING);
            case "typing" -> presence.beat(id, actor.id(), actor.name(), TicketPresence.State.TYPING);
            case "left" -> presence.leave(id, actor.id());
            default -> throw InvalidRequestException.of("state", "must be viewing, typing or left");
        };
        if (changed) {
            live.publish(new LiveEvent("presence", "{\"ticketId\":" + id + "}", scope.departmentId(), scope.teamId(),
                    scope.assigneeId()));
        }
    }

    @GetMapping
    String others(@PathVariable long id, Actor actor, Model model) {
        transactions.executeWithoutResult(tx -> work.get(id, actor));
        model.addAttribute("ticketId", id);
        model.addAttribute("others", presence.others(id, actor.id()));
        return "ticket/page :: ticketPresence";
    }
}
