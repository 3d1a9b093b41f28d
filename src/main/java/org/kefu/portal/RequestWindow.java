package org.kefu.portal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A sliding-window limit kept in memory: at most {@code max} requests per key within {@code window}.
 * Per JVM: in a cluster each node counts on its own, which is good enough to stop a flood of
 * sign-in mails from one address or IP.
 */
final class RequestWindow {

    private static final int PRUNE_ABOVE_KEYS = 10_000;

    private final int max;
    private final Duration window;
    private final Map<String, Deque<Instant>> recent = new ConcurrentHashMap<>();

    RequestWindow(int max, Duration window) {
        this.max = max;
        this.window = window;
    }

    /** Counts a request for the key; false if the key already had {@code max} requests in the window. */
    boolean tryAcquire(String key, Instant now) {
        if (recent.size() > PRUNE_ABOVE_KEYS) {
            prune(now);
        }
        Instant horizon = now.minus(window);
        boolean[] allowed = {false};
        recent.compute(key, (k, times) -> {
            Deque<Instant> list = times == null ? new ArrayDeque<>() : times;
            while (!list.isEmpty() && !list.peekFirst().isAfter(horizon)) {
                list.pollFirst();
            }
            if (list.size() < max) {
                list.addLast(now);
                allowed[0] = true;
            }
            return list;
        });
        return allowed[0];
    }

    private void prune(Instant now) {
        Instant horizon = now.minus(window);
        recent.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                return e.getValue().isEmpty() || !e.getValue().peekLast().isAfter(horizon);
            }
        });
    }
}
