package org.kefu.insight.classify;

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
 * Makes suggestions off the thread whose commit opened the ticket: that thread still holds its database connection
 * until its transaction is cleaned up, so classifying there would take a second connection per new ticket and could
 * exhaust the pool under load. At most {@code kefu.classify.workers} suggestions use the database at once. A
 * suggestion lost with the node is made when the ticket's classification is first read.
 */
@Component
class ClassificationWorkers {

    private static final Logger log = LoggerFactory.getLogger(ClassificationWorkers.class);

    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final Semaphore permits;
    private final AtomicInteger inFlight = new AtomicInteger();

    ClassificationWorkers(@Value("${kefu.classify.workers:2}") int workers) {
        this.permits = new Semaphore(Math.max(1, workers));
    }

    void submit(long ticketId, Runnable job) {
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
                    log.warn("No classification suggestion for ticket {}; it is made when first read", ticketId, e);
                } finally {
                    inFlight.decrementAndGet();
                }
            });
        } catch (RuntimeException e) {
            inFlight.decrementAndGet();
            log.warn("No classification suggestion for ticket {}; it is made when first read", ticketId, e);
        }
    }

    /** Waits until no suggestion is queued or running; false on timeout. For tests and shutdown. */
    boolean awaitIdle(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (inFlight.get() == 0) {
                return true;
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
        threads.awaitTermination(5, TimeUnit.SECONDS);
    }
}
