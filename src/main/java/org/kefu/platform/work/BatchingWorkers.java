package org.kefu.platform.work;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Like {@link BoundedWorkers}, for work done item by item whose cost is mostly per transaction (a commit, a round
 * trip): items wait in a line, and each run takes up to {@code batchSize} of them at once. When the workers keep
 * up, a run takes the one item that came; under load the items that came while the workers were busy go together,
 * in one transaction instead of one each. A run that fails is repeated item by item, so one bad item costs only
 * itself; {@code onFailure} hears of each item that failed on its own. Items are not durable, as with
 * {@link BoundedWorkers}.
 *
 * <p>With a {@code linger} above zero, the first item to come waits that long for others before a run takes them
 * all, so a steady trickle of items (one every few milliseconds, each too quick to keep a worker busy) goes in one
 * transaction per {@code linger} instead of one per item.
 */
public final class BatchingWorkers<T> implements AutoCloseable {

    private final BoundedWorkers workers;
    private final ConcurrentLinkedQueue<T> line = new ConcurrentLinkedQueue<>();
    private final int batchSize;
    private final Consumer<List<T>> run;
    private final BiConsumer<T, RuntimeException> onFailure;
    private final Duration linger;
    /** A lingering run is on its way: it takes every item that comes before it wakes. */
    private final AtomicBoolean lingering = new AtomicBoolean();

    public BatchingWorkers(int concurrency, int batchSize, Duration shutdownGrace, Consumer<List<T>> run,
            BiConsumer<T, RuntimeException> onFailure) {
        this(concurrency, batchSize, Duration.ZERO, shutdownGrace, run, onFailure);
    }

    public BatchingWorkers(int concurrency, int batchSize, Duration linger, Duration shutdownGrace, Consumer<List<T>> run,
            BiConsumer<T, RuntimeException> onFailure) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        if (linger.isNegative()) {
            throw new IllegalArgumentException("linger must not be negative, got " + linger);
        }
        this.workers = new BoundedWorkers(concurrency, shutdownGrace);
        this.batchSize = batchSize;
        this.linger = linger;
        this.run = run;
        this.onFailure = onFailure;
    }

    /** Puts the item in line; a run takes it with the others waiting then. */
    public void add(T item) {
        line.add(item);
        if (linger.isZero()) {
            // one run per item added: a run that finds the line emptied by an earlier one ends at once
            workers.submit(this::runBatch, this::failWaiting);
        } else if (lingering.compareAndSet(false, true)) {
            workers.submit(this::lingerThenRunAll, e -> {
                lingering.set(false);
                failWaiting(e);
            });
        }
    }

    private void failWaiting(RuntimeException e) {
        T lost;
        while ((lost = line.poll()) != null) {
            onFailure.accept(lost, e); // the workers are closed: nothing would take them
        }
    }

    private void lingerThenRunAll() {
        try {
            Thread.sleep(linger);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            // before taking the items: one added from now on starts the next lingering run, none is left behind
            lingering.set(false);
        }
        // the items that came while this run slept; a batch that is not full took the last of them, and what comes
        // after that waits for the next lingering run instead of going one by one
        while (runBatch() == batchSize) {
            // the next batch
        }
    }

    /** Runs the items waiting now, at most a batch of them; how many it took. */
    private int runBatch() {
        List<T> batch = new ArrayList<>(Math.min(batchSize, 64));
        T item;
        while (batch.size() < batchSize && (item = line.poll()) != null) {
            batch.add(item);
        }
        if (batch.isEmpty()) {
            return 0;
        }
        try {
            run.accept(List.copyOf(batch));
        } catch (RuntimeException batchFailed) {
            if (batch.size() == 1) {
                onFailure.accept(batch.get(0), batchFailed);
                return 1;
            }
            for (T one : batch) {
                try {
                    run.accept(List.of(one));
                } catch (RuntimeException e) {
                    onFailure.accept(one, e);
                }
            }
        }
        return batch.size();
    }

    /** Waits until no item waits and no run is running; false on timeout. For tests and shutdown. */
    public boolean awaitIdle(Duration timeout) {
        return workers.awaitIdle(timeout);
    }

    @Override
    public void close() {
        workers.close();
    }
}
