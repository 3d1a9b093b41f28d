package org.kefu.channel.chat.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.kefu.agent.AgentDirectory;
import org.kefu.channel.chat.ChatConversation;
import org.kefu.channel.chat.ChatRateLimitedException;
import org.kefu.channel.chat.ChatVisitors;
import org.kefu.channel.chat.ChatVisitors.ChatMessage;
import org.kefu.channel.chat.ChatVisitors.Transcript;
import org.kefu.platform.NotFoundException;
import org.kefu.ticket.Ticket;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The widget's API, public and cross-origin (see {@link ChatVisitorSecurity}). The visitor token
 * travels in the {@code X-Chat-Token} header, and as {@code ?token=} on the stream, which an
 * EventSource cannot give headers. Texts are plain text; the widget shows them with textContent.
 */
@RestController
@RequestMapping("/chat/api/{key}")
class ChatVisitorController {

    static final String TOKEN_HEADER = "X-Chat-Token";

    private final ChatVisitors visitors;
    private final ChatVisitorStreams streams;
    private final AgentDirectory agents;

    ChatVisitorController(ChatVisitors visitors, ChatVisitorStreams streams, AgentDirectory agents) {
        this.visitors = visitors;
        this.streams = streams;
        this.agents = agents;
    }

    record StartRequest(String token, String name, String email) {
    }

    record SendRequest(String text) {
    }

    record LeaveRequest(String name, String email, String text) {
    }

    record MessageView(long id, String from, String name, String text, Instant at) {

        static MessageView of(ChatMessage m) {
            return new MessageView(m.id(), m.from(), m.name(), m.text(), m.at());
        }
    }

    record ConversationView(long conversationId, Long ticketId, String state, String agentName, int position, long estimatedWaitSeconds,
            boolean agentsAvailable, List<MessageView> messages) {
    }

    record SessionView(String token, boolean resumed, String channelName, String greeting, boolean offlineForm,
            ConversationView conversation) {
    }

    record LeftMessageView(String ticketNumber) {
    }

    @PostMapping("/conversations")
    SessionView start(@PathVariable String key, @RequestBody(required = false) StartRequest body, HttpServletRequest request) {
        StartRequest given = body == null ? new StartRequest(null, null, null) : body;
        ChatVisitors.Session session = visitors.start(key, given.token(), given.name(), given.email(), request.getRemoteAddr());
        return new SessionView(session.token(), session.resumed(), session.channel().name(), session.channel().greeting(),
                session.channel().offlineForm(), view(session.transcript()));
    }

    @GetMapping("/messages")
    ConversationView read(@PathVariable String key, @RequestHeader(name = TOKEN_HEADER, required = false) String token,
            @RequestParam(defaultValue = "0") long since) {
        return view(visitors.read(key, token, since));
    }

    @PostMapping("/messages")
    ResponseEntity<MessageView> send(@PathVariable String key,
            @RequestHeader(name = TOKEN_HEADER, required = false) String token, @RequestBody SendRequest body,
            HttpServletRequest request) {
        MessageView message = MessageView.of(visitors.send(key, token, body == null ? null : body.text(), request.getRemoteAddr()));
        return ResponseEntity.status(HttpStatus.CREATED).body(message);
    }

    @PostMapping("/end")
    ResponseEntity<Void> end(@PathVariable String key, @RequestHeader(name = TOKEN_HEADER, required = false) String token) {
        visitors.end(key, token);
        return ResponseEntity.noContent().build();
    }

    @GetMapping(path = "/stream", produces = "text/event-stream")
    SseEmitter stream(@PathVariable String key, @RequestParam(required = false) String token) {
        ChatConversation conversation = visitors.conversation(key, token);
        return streams.subscribe(conversation.id());
    }

    @PostMapping("/offline-messages")
    ResponseEntity<LeftMessageView> leave(@PathVariable String key, @RequestBody LeaveRequest body, HttpServletRequest request) {
        if (body == null) {
            throw new NotFoundException("Message", "in the request body");
        }
        Ticket ticket = visitors.leaveMessage(key, body.name(), body.email(), body.text(), request.getRemoteAddr());
        return ResponseEntity.created(URI.create("/chat/api/" + key + "/offline-messages/" + ticket.getNumber()))
                .body(new LeftMessageView(ticket.getNumber()));
    }

    @ExceptionHandler(ChatRateLimitedException.class)
    ResponseEntity<ProblemDetail> tooMany(ChatRateLimitedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, e.getMessage());
        problem.setTitle("Too many messages");
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .body(problem);
    }

    private ConversationView view(Transcript t) {
        ChatConversation c = t.conversation();
        String agentName = c.state() == ChatConversation.State.ACTIVE && c.agentId() != null
                ? agents.get(c.agentId()).getDisplayName() : null;
        return new ConversationView(c.id(), c.ticketId(), c.state().name(), agentName, t.place().position(),
                t.place().estimatedWait().toSeconds(), t.agentsAvailable(), t.messages().stream().map(MessageView::of).toList());
    }
}
