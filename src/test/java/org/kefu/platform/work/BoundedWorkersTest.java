package org.kefu.platform.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BoundedWorkersTest {

    @Test
    void neverRunsMoreJobsAtOnceThanItsConcurrencyAndRunsThemAll() throws Exception {
        try (BoundedWorkers workers = new BoundedWorkers(2, Duration.ofSeconds(5))) {
            AtomicInteger running = new AtomicInteger();
            AtomicInteger most = new AtomicInteger();
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch done = new CountDownLatch(10);
            for (int i = 0; i < 10; i++) {
                workers.submit(() -> {
                    most.accumulateAndGet(running.incrementAndGet(), Math::max);
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    running.decrementAndGet();
                    done.countDown();
                }, e -> { });
            }
            assertThat(workers.inFlight()).isEqualTo(10);
            release.countDown();
            assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(most.get()).isBetween(1, 2);
            assertThat(workers.awaitIdle(Duration.ofSeconds(30))).isTrue();
            assertThat(workers.inFlight()).isZero();
        }
    }

    @Test
    void aFailingJobIsReportedAndDoesNotStopTheOthers() throws Exception {
        try (BoundedWorkers workers = new BoundedWorkers(1, Duration.ofSeconds(5))) {
            List<RuntimeException> failures = new CopyOnWriteArrayList<>();
            CountDownLatch after = new CountDownLatch(1);
            workers.submit(() -> {
                throw new IllegalStateException("boom");
            }, failures::add);
            workers.submit(after::countDown, failures::add);
            assertThat(after.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(workers.awaitIdle(Duration.ofSeconds(30))).isTrue();
            assertThat(failures).singleElement().extracting(Throwable::getMessage).isEqualTo("boom");
        }
    }

    @Test
    void afterCloseAJobCannotStartAndTheFailureIsReported() {
        BoundedWorkers workers = new BoundedWorkers(1, Duration.ofSeconds(1));
        workers.close();
        List<RuntimeException> failures = new CopyOnWriteArrayList<>();
        workers.submit(() -> { }, failures::add);
        assertThat(failures).hasSize(1);
        assertThat(workers.inFlight()).isZero();
    }
}
