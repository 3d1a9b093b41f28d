package org.kefu.insight.classify;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import org.kefu.platform.work.BoundedWorkers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Makes suggestions off the thread whose commit opened the ticket ({@link BoundedWorkers}). At most
 * {@code kefu.classify.workers} suggestions use the database at once. A suggestion lost with the
 * node is made when the ticket's classification is first read.
 */
@Component
class ClassificationWorkers {

    private static final Logger log = LoggerFactory.getLogger(ClassificationWorkers.class);

    private final BoundedWorkers workers;

    ClassificationWorkers(@Value("${kefu.classify.workers:2}") int workers) {
        this.workers = new BoundedWorkers(workers, Duration.ofSeconds(5));
    }

    void submit(long ticketId, Runnable job) {
        workers.submit(job,
                e -> log.warn("No classification suggestion for ticket {}; it is made when first read", ticketId, e));
    }

    /** Waits until no suggestion is queued or running; false on timeout. For tests and shutdown. */
    boolean awaitIdle(Duration timeout) {
        return workers.awaitIdle(timeout);
    }

    @PreDestroy
    void stop() {
        workers.close();
    }
}
