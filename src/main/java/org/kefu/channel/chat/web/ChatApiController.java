package org.kefu.channel.chat.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.kefu.channel.chat.ChatChannel;
import org.kefu.channel.chat.ChatChannelInput;
import org.kefu.channel.chat.ChatChannels;
import org.kefu.channel.chat.ChatConversation;
import org.kefu.channel.chat.ChatQueue;
import org.kefu.platform.Actor;
import org.kefu.platform.Role;
import org.kefu.ticket.TimelineEntry;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/channels/chat")
@Tag(name = "Live chat", description = "Chat channels (the widget's websites), the queue of waiting chats and the agent's chats")
class ChatApiController {

    private final ChatChannels channels;
    private final ChatQueue queue;

    ChatApiController(ChatChannels channels, ChatQueue queue) {
        this.channels = channels;
        this.queue = queue;
    }

    record ChannelView(long id, String name, String publicKey, List<String> allowedOrigins, long departmentId, Long teamId,
            String greeting, boolean offlineForm, boolean active, Instant createdAt, Instant updatedAt) {

        static ChannelView of(ChatChannel c) {
            return new ChannelView(c.id(), c.name(), c.publicKey(), c.allowedOrigins(), c.departmentId(), c.teamId(),
                    c.greeting(), c.offlineForm(), c.active(), c.createdAt(), c.updatedAt());
        }
    }

    record ChatView(long id, long channelId, String state, String visitorName, String visitorEmail, Long customerId,
            Long ticketId, long departmentId, Long teamId, Long agentId, Long offeredAgentId, Integer position,
            Instant waitingSince, Instant acceptedAt, Instant firstResponseAt, Instant solvedAt, Instant endedAt,
            Instant firstResponseDue, Instant solutionDue) {

        static ChatView of(ChatConversation c, Integer position, ChatQueue.ActiveChat norm) {
            return new ChatView(c.id(), c.channelId(), c.state().name(), c.visitorName(), c.visitorEmail(), c.customerId(),
                    c.ticketId(), c.departmentId(), c.teamId(), c.agentId(), c.offeredAgentId(), position, c.waitingSince(),
                    c.acceptedAt(), c.firstResponseAt(), c.solvedAt(), c.endedAt(),
                    norm == null ? null : norm.firstResponseDue(), norm == null ? null : norm.solutionDue());
        }
    }

    record ReplyRequest(String text) {
    }

    record ReplyView(long entryId, Instant at) {
    }

    record TransferRequest(Long toAgentId, Long toTeamId, String reason) {
    }

    @GetMapping("/channels")
    @Operation(summary = "List chat channels (admin)")
    List<ChannelView> channels(Actor actor) {
        actor.requireRole(Role.ADMIN);
        return channels.list().stream().map(ChannelView::of).toList();
    }

    @GetMapping("/channels/{id}")
    @Operation(summary = "One chat channel (admin)")
    ChannelView channel(@PathVariable long id, Actor actor) {
        actor.requireRole(Role.ADMIN);
        return ChannelView.of(channels.get(id));
    }

    @PostMapping("/channels")
    @Operation(summary = "Create a chat channel (admin): name, allowedOrigins (e.g. https://www.example.com), departmentId "
            + "(default department if null), teamId, greeting, offlineForm. The random publicKey goes into the widget snippet")
    ResponseEntity<ChannelView> create(@RequestBody ChatChannelInput body, Actor actor) {
        ChannelView view = ChannelView.of(channels.create(body, actor));
        return ResponseEntity.created(URI.create("/api/v1/channels/chat/channels/" + view.id())).body(view);
    }

    @PatchMapping("/channels/{id}")
    @Operation(summary = "Change a chat channel (admin); fields left null stay as they are")
    ChannelView update(@PathVariable long id, @RequestBody ChatChannelInput body, Actor actor) {
        return ChannelView.of(channels.update(id, body, actor));
    }

    @GetMapping("/queue")
    @Operation(summary = "Waiting chats you may take, oldest first, with their position in their department's queue")
    List<ChatView> waiting(Actor actor) {
        return queue.waiting(actor).stream().map(w -> ChatView.of(w.conversation(), w.position(), null)).toList();
    }

    @GetMapping("/conversations/mine")
    @Operation(summary = "Your active chats with their chat-norm deadlines (first response, solution)")
    List<ChatView> mine(Actor actor) {
        return queue.active(actor).stream().map(a -> ChatView.of(a.conversation(), null, a)).toList();
    }

    @GetMapping("/conversations/{id}")
    @Operation(summary = "One chat")
    ChatView chat(@PathVariable long id, Actor actor) {
        ChatQueue.ActiveChat chat = queue.chat(id, actor);
        return ChatView.of(chat.conversation(), null, chat);
    }

    @PostMapping("/conversations/{id}/accept")
    @Operation(summary = "Take a waiting chat; 409 if another agent took it first or you are at your maximum load")
    ChatView accept(@PathVariable long id, Actor actor) {
        ChatQueue.ActiveChat chat = queue.accept(id, actor);
        return ChatView.of(chat.conversation(), null, chat);
    }

    @PostMapping("/conversations/{id}/messages")
    @Operation(summary = "Answer in the chat (a public reply on its ticket, pushed to the visitor)")
    ResponseEntity<ReplyView> reply(@PathVariable long id, @RequestBody ReplyRequest body, Actor actor) {
        TimelineEntry entry = queue.reply(id, body == null ? null : body.text(), actor);
        return ResponseEntity.status(HttpStatus.CREATED).body(new ReplyView(entry.getId(), entry.getCreatedAt()));
    }

    @PostMapping("/conversations/{id}/transfer")
    @Operation(summary = "Hand your chat to a colleague (toAgentId) or back to a team's queue (toTeamId), with a reason")
    ChatView transfer(@PathVariable long id, @RequestBody TransferRequest body, Actor actor) {
        ChatConversation c = queue.transfer(id, body.toAgentId(), body.toTeamId(), body.reason(), actor);
        return ChatView.of(c, null, null);
    }

    @PostMapping("/conversations/{id}/solve")
    @Operation(summary = "Mark the chat solved: it ends, its ticket is resolved")
    ChatView solve(@PathVariable long id, Actor actor) {
        return ChatView.of(queue.solve(id, actor), null, null);
    }
}
