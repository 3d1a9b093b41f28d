package org.kefu.platform.work;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Like {@link BoundedWorkers}, for work done item by item whose cost is mostly per transaction (a commit, a round
 * trip): items wait in a line, and each run takes up to {@code batchSize} of them at once. When the workers keep
 * up, a run takes the one item that came; under load the items that came while the workers were busy go together,
 * in one transaction instead of one each. A run that fails is repeated item by item, so one bad item costs only
 * itself; {@code onFailure} hears of each item that failed on its own. Items are not durable, as with
 * {@link BoundedWorkers}.
 */
public final class BatchingWorkers<T> implements AutoCloseable {

    private final BoundedWorkers workers;
    private final ConcurrentLinkedQueue<T> line = new ConcurrentLinkedQueue<>();
    private final int batchSize;
    private final Consumer<List<T>> run;
    private final BiConsumer<T, RuntimeException> onFailure;

    public BatchingWorkers(int concurrency, int batchSize, Duration shutdownGrace, Consumer<List<T>> run,
            BiConsumer<T, RuntimeException> onFailure) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        this.workers = new BoundedWorkers(concurrency, shutdownGrace);
        this.batchSize = batchSize;
        this.run = run;
        this.onFailure = onFailure;
    }

    /** Puts the item in line; a run takes it with the others waiting then. */
    public void add(T item) {
        line.add(item);
        // one run per item added: a run that finds the line emptied by an earlier one ends at once
        workers.submit(this::runBatch, e -> {
            T lost;
            while ((lost = line.poll()) != null) {
                onFailure.accept(lost, e); // the workers are closed: nothing would take them
            }
        });
    }

    private void runBatch() {
        List<T> batch = new ArrayList<>(Math.min(batchSize, 64));
        T item;
        while (batch.size() < batchSize && (item = line.poll()) != null) {
            batch.add(item);
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            run.accept(List.copyOf(batch));
        } catch (RuntimeException batchFailed) {
            if (batch.size() == 1) {
                onFailure.accept(batch.get(0), batchFailed);
                return;
            }
            for (T one : batch) {
                try {
                    run.accept(List.of(one));
                } catch (RuntimeException e) {
                    onFailure.accept(one, e);
                }
            }
        }
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
