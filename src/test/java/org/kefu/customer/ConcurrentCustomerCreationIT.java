package org.kefu.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.kefu.support.Api;
import org.kefu.support.IntegrationTest;

/** Requests that name the same new customer at the same moment end with one customer, never a 500. */
class ConcurrentCustomerCreationIT extends IntegrationTest {

    static final int REQUESTS = 8;

    @Test
    void concurrentTicketsFromOneNewEmailAllOpenForOneCustomer() throws Exception {
        for (int round = 0; round < 3; round++) {
            String email = unique("race") + "@example.com";
            List<Api.Response> responses = together(() -> admin.post("/api/v1/tickets",
                    ticket("快递没到", "同一个新客户同时发来的请求", "customer", Map.of("email", email, "name", "新客户"))));

            assertThat(responses).allSatisfy(r -> assertThat(r.status()).as(r.raw()).isEqualTo(201));
            assertThat(responses.stream().map(r -> r.body().get("customer").get("id").asLong()).distinct()).hasSize(1);
            assertThat(admin.get("/api/v1/customers?email=" + Api.q(email)).body().get("items")).hasSize(1);
            long customerId = responses.get(0).body().get("customer").get("id").asLong();
            assertThat(admin.get("/api/v1/customers/" + customerId).body().get("emails").get(0).get("email").asString())
                    .isEqualTo(email);
        }
    }

    @Test
    void concurrentCreatesOfOneEmailThroughTheCustomerApiGiveOneCustomerAndConflicts() throws Exception {
        String email = unique("same") + "@example.com";
        List<Api.Response> responses = together(() -> admin.post("/api/v1/customers",
                Map.of("name", "王芳", "emails", List.of(email))));

        assertThat(responses).allSatisfy(r -> assertThat(r.status()).as(r.raw()).isIn(201, 409));
        assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(1);
        assertThat(responses).filteredOn(r -> r.status() == 409)
                .allSatisfy(r -> assertThat(r.contentType()).startsWith("application/problem+json"));
        assertThat(admin.get("/api/v1/customers?email=" + Api.q(email)).body().get("items")).hasSize(1);
    }

    static List<Api.Response> together(Supplier<Api.Response> request) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(REQUESTS);
        try {
            List<Future<Api.Response>> futures = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return request.get();
                }));
            }
            start.countDown();
            List<Api.Response> responses = new ArrayList<>();
            for (Future<Api.Response> f : futures) {
                responses.add(f.get());
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }
}
