package org.kefu.platform.work;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs jobs off the calling thread, typically work called for by a commit: that thread still holds
 * its database connection until its transaction is cleaned up, so doing the work there would take a
 * second connection per request and could exhaust the pool under load. Each job gets a virtual
 * thread, and at most {@code concurrency} jobs run at once; the others wait their turn (the line is
 * not bounded: a job waiting costs a parked virtual thread, no connection). Jobs are not durable;
 * the owner says what catches up a job lost with the node.
 */
public final class BoundedWorkers implements AutoCloseable {

    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final Semaphore permits;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Duration shutdownGrace;

    public BoundedWorkers(int concurrency, Duration shutdownGrace) {
        this.permits = new Semaphore(Math.max(1, concurrency));
        this.shutdownGrace = shutdownGrace;
    }

    /** Queues the job; {@code onFailure} hears of a job that could not start or failed with a runtime exception. */
    public void submit(Runnable job, Consumer<RuntimeException> onFailure) {
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
                    onFailure.accept(e);
                } finally {
                    inFlight.decrementAndGet();
                }
            });
        } catch (RuntimeException e) {
            inFlight.decrementAndGet();
            onFailure.accept(e);
        }
    }

    /** Jobs queued or running now. */
    public int inFlight() {
        return inFlight.get();
    }

    /**
     * Waits until no job is queued or running, three checks in a row (a job may queue another as it
     * ends); false on timeout. For tests and shutdown.
     */
    public boolean awaitIdle(Duration timeout) {
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

    /** Takes no more jobs and gives the running ones the grace period to end. */
    @Override
    public void close() {
        threads.shutdown();
        try {
            threads.awaitTermination(shutdownGrace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
