package org.kefu.platform.search;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicLong;
import org.hibernate.search.engine.backend.work.execution.DocumentCommitStrategy;
import org.hibernate.search.engine.backend.work.execution.DocumentRefreshStrategy;
import org.hibernate.search.mapper.pojo.work.IndexingPlanSynchronizationStrategy;
import org.hibernate.search.mapper.pojo.work.IndexingPlanSynchronizationStrategyConfigurationContext;
import org.hibernate.search.mapper.pojo.work.SearchIndexingPlanExecutionReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a committed change reaches the index (docs/adr/0010): Hibernate Search builds its documents from the entities
 * the transaction already holds and hands them to the index in the background, after the commit; nothing waits for a
 * Lucene commit (the backend commits at most every {@code io.commit_interval}). This class keeps the books the journal
 * needs to know how far the index on disk is complete: which hand-overs are still in flight, since when, and which
 * failed and are not repaired yet.
 */
final class BackgroundIndexing implements IndexingPlanSynchronizationStrategy {

    private static final Logger log = LoggerFactory.getLogger(BackgroundIndexing.class);

    private final Clock clock;
    private final Map<CompletableFuture<?>, Instant> inFlight = new ConcurrentHashMap<>();
    private final ConcurrentSkipListSet<Instant> failures = new ConcurrentSkipListSet<>();
    private final AtomicLong failed = new AtomicLong();
    private volatile boolean installed;

    BackgroundIndexing(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void apply(IndexingPlanSynchronizationStrategyConfigurationContext context) {
        context.documentCommitStrategy(DocumentCommitStrategy.NONE);
        context.documentRefreshStrategy(DocumentRefreshStrategy.NONE);
        context.indexingFutureHandler(this::track);
    }

    /** Marks this strategy as the one Hibernate Search was configured with (so the journal runs). */
    void install() {
        installed = true;
    }

    boolean installed() {
        return installed;
    }

    void track(CompletableFuture<? extends SearchIndexingPlanExecutionReport> future) {
        Instant submitted = clock.instant();
        inFlight.put(future, submitted);
        future.whenComplete((report, error) -> {
            Optional<Throwable> failure = error != null ? Optional.of(error) : report.throwable();
            if (failure.isPresent()) {
                failed.incrementAndGet();
                failures.add(submitted);
                List<?> entities = report == null ? List.of() : report.failingEntities();
                log.error("Indexing changes committed at {} failed for {}; they stay marked until the journal has indexed "
                        + "again what changed since then", submitted, entities.isEmpty() ? "some entities" : entities,
                        failure.get());
            }
            inFlight.remove(future);
        });
    }

    /** The hand-overs in flight now; once they are done, everything submitted before this call has reached the writer. */
    CompletableFuture<Void> inFlightNow() {
        return CompletableFuture.allOf(inFlight.keySet().toArray(CompletableFuture[]::new));
    }

    /** When the oldest failure not yet repaired was submitted, if there is one. */
    Optional<Instant> oldestFailure() {
        return failures.isEmpty() ? Optional.empty() : Optional.of(failures.first());
    }

    /** Forgets the failures submitted at or before {@code until}: what changed since before them was indexed again. */
    void repairedUntil(Instant until) {
        failures.headSet(until, true).clear();
    }

    long failedCount() {
        return failed.get();
    }

    int inFlightCount() {
        return inFlight.size();
    }
}
