package org.kefu.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.kefu.platform.Actor;
import org.kefu.platform.Role;
import org.kefu.platform.live.LiveUpdates;
import org.kefu.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * With pages listening, many tickets opened at once all succeed: announcing a change must not need
 * a second database connection per request (that starved the pool at more requests than connections).
 */
class LiveFeedUnderLoadIT extends IntegrationTest {

    @Autowired
    LiveUpdates live;

    @Test
    void moreConcurrentTicketsThanDatabaseConnectionsAllOpenWhileAPageListens() throws Exception {
        SseEmitter page = live.subscribe(new Actor(-1, "watcher", "w@test", Role.ADMIN, Set.of(), Set.of()));
        try (ExecutorService clients = Executors.newFixedThreadPool(48)) {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 96; i++) {
                int n = i;
                results.add(clients.submit(() -> admin.post("/api/v1/tickets", ticket("并发工单 " + n, "同时提交")).status()));
            }
            for (Future<Integer> result : results) {
                assertThat(result.get()).isEqualTo(201);
            }
        } finally {
            page.complete();
        }
    }
}
