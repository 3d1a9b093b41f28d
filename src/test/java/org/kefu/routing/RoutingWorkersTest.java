package org.kefu.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RoutingWorkersTest {

    @Test
    void jobsOfOneKeyRunOneAfterAnotherInOrderAndKeysRunSideBySide() throws Exception {
        RoutingWorkers workers = new RoutingWorkers(4);
        Random random = new Random(5L);
        Map<Long, List<Integer>> ran = new ConcurrentHashMap<>();
        Map<Long, AtomicInteger> running = new ConcurrentHashMap<>();
        AtomicInteger overlapWithinKey = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        AtomicInteger atOnce = new AtomicInteger();
        for (int i = 0; i < 200; i++) {
            long key = random.nextInt(4);
            int n = i;
            int sleep = random.nextInt(3);
            workers.submitInOrder(key, "job " + i, () -> {
                if (running.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet() > 1) {
                    overlapWithinKey.incrementAndGet();
                }
                mostAtOnce.accumulateAndGet(atOnce.incrementAndGet(), Math::max);
                try {
                    Thread.sleep(sleep);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                ran.computeIfAbsent(key, k -> Collections.synchronizedList(new ArrayList<>())).add(n);
                atOnce.decrementAndGet();
                running.get(key).decrementAndGet();
                if (n % 17 == 0) {
                    throw new IllegalStateException("a failing job does not stop its key's lane");
                }
            });
        }
        assertThat(workers.awaitIdle(Duration.ofSeconds(30))).isTrue();
        assertThat(overlapWithinKey).hasValue(0);
        assertThat(ran.values().stream().mapToInt(List::size).sum()).isEqualTo(200);
        for (List<Integer> order : ran.values()) {
            assertThat(order).isSorted();
        }
        assertThat(mostAtOnce.get()).as("different keys ran side by side").isGreaterThan(1);
        workers.stop();
    }
}
