package org.kefu.routing;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
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

    RoutingWorkers(@Value("${kefu.routing.workers:4}") int workers) {
        this.workers = new BoundedWorkers(workers, Duration.ofSeconds(10));
    }

    void submit(String what, Runnable job) {
        workers.submit(job, e -> log.warn("Routing could not {}; the routing sweep tries again", what, e));
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
