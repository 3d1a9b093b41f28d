package org.kefu.platform.live;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.kefu.platform.Actor;
import org.springframework.stereotype.Service;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Pushes {@link LiveEvent}s to the open pages of signed-in people over server-sent events. Each
 * open page holds one stream; a comment every 25 s keeps proxies from closing idle streams.
 * Delivery is to the streams of this node; with several nodes a broker would relay events
 * between them (see docs/architecture.md).
 */
@Service
public class LiveUpdates {

    private static final long STREAM_TIMEOUT_MS = 30 * 60 * 1000L;

    private record Stream(Actor actor, SseEmitter emitter) {
    }

    private final Set<Stream> streams = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("kefu-live-heartbeat").factory());
    /** Writes happen off the publishing request: a slow or stalled page must not hold up a ticket change. */
    private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();

    LiveUpdates() {
        heartbeat.scheduleAtFixedRate(this::ping, 25, 25, TimeUnit.SECONDS);
    }

    public SseEmitter subscribe(Actor actor) {
        SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT_MS);
        Stream stream = new Stream(actor, emitter);
        streams.add(stream);
        emitter.onCompletion(() -> streams.remove(stream));
        emitter.onTimeout(() -> streams.remove(stream));
        emitter.onError(e -> streams.remove(stream));
        send(stream, SseEmitter.event().name("ready").data("{}"));
        return emitter;
    }

    public void publish(LiveEvent event) {
        for (Stream stream : streams) {
            if (stream.actor().canSee(event.departmentId(), event.teamId(), event.assigneeId())) {
                sendLater(stream, event.name(), event.data());
            }
        }
    }

    /** Sends to the streams of one person only (for example "you were assigned"). */
    public void publishTo(long actorId, String name, String data) {
        for (Stream stream : streams) {
            if (stream.actor().id() == actorId) {
                sendLater(stream, name, data);
            }
        }
    }

    /** Whether any page is connected, so publishers can skip preparing events nobody would receive. */
    public boolean anyoneListening() {
        return !streams.isEmpty();
    }

    private void sendLater(Stream stream, String name, String data) {
        try {
            senders.execute(() -> send(stream, SseEmitter.event().name(name).data(data)));
        } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
            // the desk is stopping; the pages reconnect to another node or after the restart
        }
    }

    private void ping() {
        for (Stream stream : streams) {
            send(stream, SseEmitter.event().comment("ping"));
        }
    }

    private void send(Stream stream, SseEmitter.SseEventBuilder event) {
        try {
            stream.emitter().send(event);
        } catch (IOException | IllegalStateException e) {
            streams.remove(stream);
            stream.emitter().completeWithError(e);
        }
    }

    @PreDestroy
    void close() {
        heartbeat.shutdownNow();
        senders.shutdownNow();
        streams.forEach(s -> {
            try {
                s.emitter().complete();
            } catch (IllegalStateException recycled) {
                // at shutdown Tomcat may already have recycled the stream's response: nothing left to close
            }
        });
        streams.clear();
    }
}
