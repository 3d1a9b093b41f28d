package org.kefu.platform.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.hibernate.search.engine.common.EntityReference;
import org.hibernate.search.mapper.pojo.work.SearchIndexingPlanExecutionReport;
import org.junit.jupiter.api.Test;
import org.kefu.support.MutableClock;

class BackgroundIndexingTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T10:00:00Z"));
    private final BackgroundIndexing indexing = new BackgroundIndexing(clock);

    @Test
    void theHandOversInFlightNowAreAwaitedAndLaterOnesAreNot() {
        CompletableFuture<SearchIndexingPlanExecutionReport> first = new CompletableFuture<>();
        CompletableFuture<SearchIndexingPlanExecutionReport> second = new CompletableFuture<>();
        indexing.track(first);
        indexing.track(second);

        CompletableFuture<Void> before = indexing.inFlightNow();
        CompletableFuture<SearchIndexingPlanExecutionReport> later = new CompletableFuture<>();
        indexing.track(later);
        first.complete(report(null));
        assertThat(before).isNotDone();
        second.complete(report(null));

        assertThat(before).isDone();
        assertThat(indexing.inFlightCount()).isEqualTo(1);
        later.complete(report(null));
        assertThat(indexing.inFlightCount()).isZero();
        assertThat(indexing.oldestFailure()).isEmpty();
    }

    @Test
    void aFailedHandOverIsKeptWithItsTimeUntilWhatChangedSinceIsIndexedAgain() {
        CompletableFuture<SearchIndexingPlanExecutionReport> failing = new CompletableFuture<>();
        indexing.track(failing);
        Instant failedAt = clock.now;
        clock.now = clock.now.plusSeconds(5);
        CompletableFuture<SearchIndexingPlanExecutionReport> thrown = new CompletableFuture<>();
        indexing.track(thrown);

        failing.complete(report(new IllegalStateException("disk full")));
        thrown.completeExceptionally(new IllegalStateException("writer closed"));

        assertThat(indexing.oldestFailure()).contains(failedAt);
        assertThat(indexing.failedCount()).isEqualTo(2);
        indexing.repairedUntil(failedAt);
        assertThat(indexing.oldestFailure()).contains(failedAt.plusSeconds(5));
        indexing.repairedUntil(clock.now);
        assertThat(indexing.oldestFailure()).isEmpty();
        assertThat(indexing.inFlightCount()).isZero();
    }

    private static SearchIndexingPlanExecutionReport report(Throwable failure) {
        return new SearchIndexingPlanExecutionReport() {
            @Override
            public Optional<Throwable> throwable() {
                return Optional.ofNullable(failure);
            }

            @Override
            public List<? extends EntityReference> failingEntities() {
                return List.of();
            }
        };
    }
}
