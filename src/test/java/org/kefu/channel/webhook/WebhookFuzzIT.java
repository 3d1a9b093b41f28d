package org.kefu.channel.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.Test;
import org.kefu.support.Api;
import org.kefu.support.IntegrationTest;

/**
 * Seeded random broken deliveries over real HTTP (mutated JSON, wrong types, huge fields, odd
 * unicode, forged or garbled signatures): never a 5xx, and only answers of 200 ever store anything.
 */
class WebhookFuzzIT extends IntegrationTest {

    /** SOCIAL tickets opened since {@code from} for customers known on this channel (other tests make SOCIAL tickets too). */
    private Set<Long> ticketsOfChannelSince(long channelId, Instant from) {
        Set<Long> found = new HashSet<>();
        String cursor = null;
        do {
            Api.Response page = admin.get("/api/v1/tickets?channel=SOCIAL&limit=100&createdFrom=" + Api.q(from.toString())
                    + (cursor == null ? "" : "&cursor=" + Api.q(cursor)));
            for (var ticket : page.body().get("items")) {
                long customerId = ticket.get("customer").get("id").asLong();
                String identities = admin.get("/api/v1/customers/" + customerId).body().get("identities").toString();
                if (identities.contains("\"wh" + channelId + ":")) {
                    found.add(ticket.get("id").asLong());
                }
            }
            cursor = page.body().path("nextCursor").isString() ? page.body().get("nextCursor").asString() : null;
        } while (cursor != null);
        return found;
    }

    @Test
    void brokenDeliveriesNeverFailTheServerAndNeverStore() {
        Instant started = Instant.now().minusSeconds(1);
        Api.Response created = admin.post("/api/v1/channels/webhooks", Map.of("name", unique("fuzz"), "source", "OTHER"));
        String key = created.body().get("key").asString();
        String secret = created.body().get("secret").asString();
        Api anonymous = new Api(port, null);
        RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(20261202L);
        Set<Long> newTickets = new HashSet<>();
        int stored = 0;
        for (int i = 0; i < 150; i++) {
            String body = InboundMessageFuzzTest.mutate(random).replace("o6_bmjr", "fuzz-" + i).replace("m-1", "fuzz-m-" + i);
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            Map<String, String> headers = new LinkedHashMap<>();
            switch (random.nextInt(4)) {
                case 0 -> headers.put("X-Kefu-Signature", "t=" + Instant.now().getEpochSecond() + ",v1=" + "ab".repeat(32));
                case 1 -> headers.put("X-Kefu-Signature", // garbage, but what an HTTP client can send: printable ASCII
                        (body.length() > 200 ? body.substring(0, 200) : body).replaceAll("[^\\x21-\\x7e]", "?"));
                default -> headers.put("X-Kefu-Signature", WebhookSignature.header(secret, Instant.now(), bytes));
            }
            Api.Response r = anonymous.raw("POST", "/api/v1/channels/webhook/" + key, body, headers);
            assertThat(r.status()).as("case %d: %s", i, r.raw()).isLessThan(500);
            if (r.status() == 200) {
                stored++;
                if (r.body().get("newTicket").asBoolean()) {
                    newTickets.add(r.body().get("ticketId").asLong());
                }
            } else {
                assertThat(r.status()).isIn(400, 401, 413, 415, 422);
                assertThat(r.contentType()).startsWith("application/problem+json");
            }
        }
        assertThat(ticketsOfChannelSince(created.body().get("id").asLong(), started)).isEqualTo(newTickets);
        assertThat(stored).isLessThan(150);
    }
}
