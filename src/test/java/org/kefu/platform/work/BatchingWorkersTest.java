package org.kefu.platform.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class BatchingWorkersTest {

    @Test
    void itemsThatComeWhileTheWorkersAreBusyGoTogetherAndNoneIsLostOrRunTwice() throws Exception {
        List<List<Integer>> runs = new CopyOnWriteArrayList<>();
        CountDownLatch release = new CountDownLatch(1);
        try (BatchingWorkers<Integer> workers = new BatchingWorkers<>(1, 50, Duration.ofSeconds(5), batch -> {
            runs.add(batch);
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, (item, e) -> { })) {
            workers.add(0);
            for (int i = 1; i <= 120; i++) {
                workers.add(i);
            }
            release.countDown();
            assertThat(workers.awaitIdle(Duration.ofSeconds(30))).isTrue();
        }
        List<Integer> all = new ArrayList<>();
        runs.forEach(all::addAll);
        assertThat(all).containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.rangeClosed(0, 120).boxed().toList());
        assertThat(runs).allSatisfy(batch -> assertThat(batch).hasSizeBetween(1, 50));
        assertThat(runs.size()).as("120 items waiting behind a busy worker take three runs of at most 50, not 120")
                .isLessThanOrEqualTo(1 + 3);
    }

    @Test
    void aFailingItemFailsAloneAndTheOthersOfItsBatchAreDone() throws InterruptedException {
        SplittableRandom random = new SplittableRandom(20261203);
        for (int round = 0; round < 50; round++) {
            int items = 1 + random.nextInt(200);
            java.util.Set<Integer> bad = new java.util.HashSet<>();
            for (int i = 0; i < items; i++) {
                if (random.nextInt(10) == 0) {
                    bad.add(i);
                }
            }
            Map<Integer, Integer> done = new ConcurrentHashMap<>();
            List<Integer> failed = new CopyOnWriteArrayList<>();
            Duration linger = random.nextBoolean() ? Duration.ZERO : Duration.ofMillis(1 + random.nextInt(20));
            try (BatchingWorkers<Integer> workers = new BatchingWorkers<>(1 + random.nextInt(3), 1 + random.nextInt(40),
                    linger, Duration.ofSeconds(5), batch -> {
                        if (batch.stream().anyMatch(bad::contains)) {
                            throw new IllegalStateException("bad item in " + batch); // the whole batch rolls back
                        }
                        batch.forEach(i -> done.merge(i, 1, Integer::sum));
                    }, (item, e) -> failed.add(item))) {
                for (int i = 0; i < items; i++) {
                    workers.add(i);
                    if (random.nextInt(20) == 0) {
                        Thread.sleep(random.nextInt(5)); // now and then a pause, so lingering runs start and end in between
                    }
                }
                assertThat(workers.awaitIdle(Duration.ofSeconds(30))).isTrue();
            }
            assertThat(failed).containsExactlyInAnyOrderElementsOf(bad);
            assertThat(done.keySet()).hasSize(items - bad.size()).allMatch(i -> !bad.contains(i));
            assertThat(done.values()).allMatch(n -> n == 1);
        }
    }

    @Test
    void withALingerATrickleOfItemsGoesInAFewRunsAndNoneIsLostOrRunTwice() throws Exception {
        List<List<Integer>> runs = new CopyOnWriteArrayList<>();
        try (BatchingWorkers<Integer> workers = new BatchingWorkers<>(2, 50, Duration.ofMillis(100), Duration.ofSeconds(5),
                runs::add, (item, e) -> { })) {
            long start = System.nanoTime();
            for (int i = 0; i < 200; i++) {
                workers.add(i);
                Thread.sleep(2); // each item alone would be a run of its own without the linger
            }
            long trickleMillis = (System.nanoTime() - start) / 1_000_000;
            assertThat(workers.awaitIdle(Duration.ofSeconds(30))).isTrue();
            List<Integer> all = new ArrayList<>();
            runs.forEach(all::addAll);
            assertThat(all).containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.range(0, 200).boxed().toList());
            assertThat(runs).allSatisfy(batch -> assertThat(batch).hasSizeBetween(1, 50));
            // one run per 100 ms of trickle at most, plus the split of a full batch of 50 and the last one
            assertThat(runs.size()).as("runs for 200 items over %d ms: %s", trickleMillis, runs)
                    .isLessThanOrEqualTo((int) (trickleMillis / 100) + 200 / 50 + 2);
        }
    }

    @Test
    void afterCloseAnAddedItemIsReportedAsFailed() throws Exception {
        for (Duration linger : List.of(Duration.ZERO, Duration.ofMillis(50))) {
            List<Integer> failed = new CopyOnWriteArrayList<>();
            BatchingWorkers<Integer> workers = new BatchingWorkers<>(1, 10, linger, Duration.ofSeconds(1), batch -> { },
                    (item, e) -> failed.add(item));
            workers.close();
            workers.add(7);
            workers.add(8);
            assertThat(failed).as("linger %s", linger).containsExactly(7, 8);
        }
    }
}
