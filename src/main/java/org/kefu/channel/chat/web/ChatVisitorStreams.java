package org.kefu.channel.chat.web;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.kefu.channel.chat.ChatEvents;
import org.kefu.channel.chat.ChatVisitors;
import org.kefu.ticket.TicketEvents;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The visitors' open widgets, one SSE stream each (a visitor may have several tabs): agent replies
 * arrive as {@code message} events with the text, state changes (accepted, transferred, ended,
 * queue moved) as {@code state} events, after which the widget re-reads the conversation. Streams
 * of this node only; the widget's polling fallback covers a stream that is lost.
 */
@Component
class ChatVisitorStreams {

    private static final long STREAM_TIMEOUT_MS = 30 * 60 * 1000L;

    private final Map<Long, Set<SseEmitter>> streams = new ConcurrentHashMap<>();
    private final ChatVisitors visitors;
    private final JsonMapper json;
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("kefu-chat-heartbeat").factory());
    private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();

    ChatVisitorStreams(ChatVisitors visitors, JsonMapper json) {
        this.visitors = visitors;
        this.json = json;
        heartbeat.scheduleAtFixedRate(this::ping, 25, 25, TimeUnit.SECONDS);
    }

    SseEmitter subscribe(long conversationId) {
        SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT_MS);
        streams.computeIfAbsent(conversationId, id -> ConcurrentHashMap.newKeySet()).add(emitter);
        Runnable remove = () -> remove(conversationId, emitter);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(e -> remove.run());
        send(conversationId, emitter, SseEmitter.event().name("ready").data("{}"));
        return emitter;
    }

    int open() {
        return streams.values().stream().mapToInt(Set::size).sum();
    }

    /** An agent's public reply on a chat ticket: read in the replying transaction, sent once it is committed. */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void replied(TicketEvents.AgentReplied e) {
        if (streams.isEmpty()) {
            return;
        }
        visitors.replyForVisitor(e.ticketId(), e.entryId()).ifPresent(found -> {
            if (!streams.containsKey(found.getKey())) {
                return;
            }
            String data = json.writeValueAsString(ChatVisitorController.MessageView.of(found.getValue()));
            afterCommit(() -> publish(found.getKey(), "message", data, String.valueOf(found.getValue().id())));
        });
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void changed(ChatEvents.ChatChanged e) {
        publish(e.conversationId(), "state", "{}", null);
    }

    private void publish(long conversationId, String name, String data, String id) {
        Set<SseEmitter> open = streams.get(conversationId);
        if (open == null) {
            return;
        }
        for (SseEmitter emitter : open) {
            SseEmitter.SseEventBuilder event = SseEmitter.event().name(name).data(data);
            if (id != null) {
                event.id(id);
            }
            try {
                senders.execute(() -> send(conversationId, emitter, event));
            } catch (RejectedExecutionException stopping) {
                return;
            }
        }
    }

    private void ping() {
        streams.forEach((id, open) -> open.forEach(emitter -> send(id, emitter, SseEmitter.event().comment("ping"))));
    }

    private void send(long conversationId, SseEmitter emitter, SseEmitter.SseEventBuilder event) {
        try {
            emitter.send(event);
        } catch (IOException | IllegalStateException e) {
            remove(conversationId, emitter);
            emitter.completeWithError(e);
        }
    }

    private void remove(long conversationId, SseEmitter emitter) {
        streams.computeIfPresent(conversationId, (id, open) -> {
            open.remove(emitter);
            return open.isEmpty() ? null : open;
        });
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }

    @PreDestroy
    void close() {
        heartbeat.shutdownNow();
        senders.shutdownNow();
        streams.values().forEach(open -> open.forEach(ChatVisitorStreams::completeQuietly));
        streams.clear();
    }

    /** At shutdown Tomcat may already have recycled a stream's response; there is nothing left to close then. */
    private static void completeQuietly(SseEmitter emitter) {
        try {
            emitter.complete();
        } catch (IllegalStateException recycled) {
            // the connection is gone already
        }
    }
}
