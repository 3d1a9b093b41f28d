package org.kefu.channel.chat.web;

import java.time.Instant;
import java.util.List;
import org.kefu.agent.AgentDirectory;
import org.kefu.agent.AgentName;
import org.kefu.channel.chat.ChatConversation;
import org.kefu.channel.chat.ChatQueue;
import org.kefu.platform.Actor;
import org.kefu.platform.ConflictException;
import org.kefu.platform.InvalidRequestException;
import org.kefu.ticket.TicketFinder;
import org.kefu.ticket.TimelineEntry;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The agent's chat console: the queue (accept), the agent's active chats side by side with their
 * messages (refreshed by the live {@code kefu:ticket-<id>} events), a composer, the chat-norm
 * timers, the customer 360 panel, transfer and solve. Uses the same services and checks as the API.
 */
@Controller
class ChatConsolePage {

    private static final List<TimelineEntry.Kind> SHOWN = List.of(TimelineEntry.Kind.CUSTOMER_MESSAGE,
            TimelineEntry.Kind.REPLY, TimelineEntry.Kind.NOTE);

    private final ChatQueue queue;
    private final TicketFinder finder;
    private final AgentDirectory agents;

    ChatConsolePage(ChatQueue queue, TicketFinder finder, AgentDirectory agents) {
        this.queue = queue;
        this.finder = finder;
        this.agents = agents;
    }

    record Line(long id, String css, String who, String text, Instant at) {
    }

    record Colleague(long id, String name) {
    }

    /** An active chat as the console shows it; times as ISO-8601 for the timers in chat-console.js. */
    record Pane(long id, String name, Long ticketId, Long customerId, String firstResponseDue, String solutionDue,
            String firstResponseAt) {

        static Pane of(ChatQueue.ActiveChat a) {
            ChatConversation c = a.conversation();
            return new Pane(c.id(), c.displayName(), c.ticketId(), c.customerId(), a.firstResponseDue().toString(),
                    a.solutionDue().toString(), c.firstResponseAt() == null ? "" : c.firstResponseAt().toString());
        }
    }

    @GetMapping("/chat/console")
    String console(Actor actor, Model model) {
        model.addAttribute("navSection", "chat");
        model.addAttribute("chats", queue.active(actor).stream().map(Pane::of).toList());
        model.addAttribute("load", queue.load(actor.id()));
        model.addAttribute("maxLoad", agents.get(actor.id()).getMaxLoad());
        model.addAttribute("presence", agents.get(actor.id()).getPresence());
        model.addAttribute("colleagues", agents.names().stream().filter(a -> a.active() && a.id() != actor.id())
                .map(a -> new Colleague(a.id(), a.displayName())).toList());
        model.addAttribute("teams", agents.teams());
        return "chat/console";
    }

    @GetMapping("/chat/console/queue")
    String queue(Actor actor, Model model) {
        queue.offerUnoffered(actor);
        model.addAttribute("waiting", queue.waiting(actor));
        model.addAttribute("mineCount", queue.active(actor).size());
        return "chat/console :: queue";
    }

    @GetMapping("/chat/console/chats/{id}/messages")
    String messages(@PathVariable long id, Actor actor, Model model) {
        ChatQueue.ActiveChat chat = queue.chat(id, actor);
        ChatConversation c = chat.conversation();
        List<Line> lines = c.ticketId() == null ? List.of()
                : finder.timeline(c.ticketId(), SHOWN, null, 500, actor).items().stream().map(e -> new Line(e.getId(),
                        switch (e.getKind()) {
                            case CUSTOMER_MESSAGE -> "customer";
                            case NOTE -> "note";
                            default -> "reply";
                        }, e.getAuthor() == null ? "" : e.getAuthor().name(), e.getBody(), e.getCreatedAt())).toList();
        model.addAttribute("pane", Pane.of(chat));
        model.addAttribute("lines", lines);
        return "chat/console :: messages";
    }

    @PostMapping("/chat/console/chats/{id}/accept")
    String accept(@PathVariable long id, Actor actor, RedirectAttributes redirect) {
        try {
            queue.accept(id, actor);
        } catch (ConflictException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/chat/console";
    }

    @PostMapping("/chat/console/chats/{id}/messages")
    ResponseEntity<Void> reply(@PathVariable long id, @RequestParam(required = false) String text, Actor actor) {
        queue.reply(id, text, actor);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/chat/console/chats/{id}/solve")
    String solve(@PathVariable long id, Actor actor) {
        queue.solve(id, actor);
        return "redirect:/chat/console";
    }

    @PostMapping("/chat/console/chats/{id}/transfer")
    String transfer(@PathVariable long id, @RequestParam(required = false) String to,
            @RequestParam(required = false) String reason, Actor actor, RedirectAttributes redirect) {
        try {
            Long agent = to != null && to.startsWith("agent:") ? number(to.substring(6)) : null;
            Long team = to != null && to.startsWith("team:") ? number(to.substring(5)) : null;
            queue.transfer(id, agent, team, reason, actor);
        } catch (InvalidRequestException | ConflictException e) {
            redirect.addFlashAttribute("problem", e instanceof InvalidRequestException invalid
                    ? invalid.problems().getFirst().field() + ": " + invalid.problems().getFirst().message()
                    : e.getMessage());
        }
        return "redirect:/chat/console";
    }

    private static Long number(String text) {
        try {
            return Long.valueOf(text);
        } catch (NumberFormatException e) {
            throw InvalidRequestException.of("to", "'" + text + "' is not an agent or team id");
        }
    }
}
