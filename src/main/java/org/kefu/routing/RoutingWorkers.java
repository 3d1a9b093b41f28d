package org.kefu.routing;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import org.kefu.platform.work.BoundedWorkers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Runs assignment work off the thread whose commit called for it ({@link BoundedWorkers}). At most
 * {@code kefu.routing.workers} jobs use the database at once; the rest wait their turn. A job lost
 * with the node is caught up by the routing sweep.
 */
@Component
class RoutingWorkers {

    private static final Logger log = LoggerFactory.getLogger(RoutingWorkers.class);

    private final BoundedWorkers workers;
    /** Per key, the jobs waiting for the key's running job; a key is present while one of its jobs runs. */
    private final Map<Long, Deque<Job>> lanes = new HashMap<>();

    private record Job(String what, Runnable run) {
    }

    RoutingWorkers(@Value("${kefu.routing.workers:4}") int workers) {
        this.workers = new BoundedWorkers(workers, Duration.ofSeconds(10));
    }

    void submit(String what, Runnable job) {
        workers.submit(job, e -> log.warn("Routing could not {}; the routing sweep tries again", what, e));
    }

    /**
     * Runs the jobs of one key (a team) one after another, in the order they were submitted; jobs of other keys run
     * beside them. New tickets of a team are assigned in the order they were opened this way: run side by side, a
     * later ticket could take the last free place before an earlier one (on one node; across nodes the order of
     * nearly simultaneous tickets is not kept).
     */
    void submitInOrder(long key, String what, Runnable job) {
        synchronized (lanes) {
            Deque<Job> waiting = lanes.get(key);
            if (waiting != null) {
                waiting.add(new Job(what, job));
                return;
            }
            lanes.put(key, new ArrayDeque<>());
        }
        submit(what, inLane(key, job));
    }

    private Runnable inLane(long key, Runnable job) {
        return () -> {
            try {
                job.run();
            } finally {
                Job next;
                synchronized (lanes) {
                    next = lanes.get(key).poll();
                    if (next == null) {
                        lanes.remove(key);
                    }
                }
                if (next != null) {
                    submit(next.what(), inLane(key, next.run()));
                }
            }
        };
    }

    /** Waits until no job is queued or running (jobs may start others); false on timeout. For tests and shutdown. */
    boolean awaitIdle(Duration timeout) {
        return workers.awaitIdle(timeout);
    }

    @PreDestroy
    void stop() {
        workers.close();
    }
}
