package org.kefu.routing;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Runs assignment work off the thread whose commit called for it: that thread still holds its
 * database connection until its transaction is cleaned up, so assigning there would need a second
 * connection per request and could exhaust the pool under load. At most
 * {@code kefu.routing.workers} jobs use the database at once; the rest wait their turn. A job lost
 * with the node is caught up by the routing sweep.
 */
@Component
class RoutingWorkers {

    private static final Logger log = LoggerFactory.getLogger(RoutingWorkers.class);

    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final Semaphore permits;
    private final AtomicInteger inFlight = new AtomicInteger();

    RoutingWorkers(@Value("${kefu.routing.workers:4}") int workers) {
        this.permits = new Semaphore(Math.max(1, workers));
    }

    void submit(String what, Runnable job) {
        inFlight.incrementAndGet();
        try {
            threads.execute(() -> {
                try {
                    permits.acquire();
                    try {
                        job.run();
                    } finally {
                        permits.release();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    log.warn("Routing could not {}; the routing sweep tries again", what, e);
                } finally {
                    inFlight.decrementAndGet();
                }
            });
        } catch (RuntimeException e) {
            inFlight.decrementAndGet();
            log.warn("Routing could not start to {}; the routing sweep tries again", what, e);
        }
    }

    /** Waits until no job is queued or running (jobs may start others); false on timeout. For tests and shutdown. */
    boolean awaitIdle(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int quietRounds = 0;
        while (System.nanoTime() < deadline) {
            if (inFlight.get() == 0) {
                if (++quietRounds >= 3) {
                    return true;
                }
            } else {
                quietRounds = 0;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    @PreDestroy
    void stop() throws InterruptedException {
        threads.shutdown();
        threads.awaitTermination(10, TimeUnit.SECONDS);
    }
}
