package org.kefu.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kefu.support.Api;
import org.kefu.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

class CustomerApiIT extends IntegrationTest {

    @Test
    void aCustomerHasContactsAcrossChannelsATierAndValue() {
        String email = unique("wang") + "@Example.com";
        Api.Response created = admin.post("/api/v1/customers", Map.of("name", "王芳", "emails", List.of(email),
                "phones", List.of("+86 138 0013 8001"), "tier", "VIP", "organisation", unique("华联超市"),
                "preferredLanguage", "zh-CN", "lifetimeValue", 12800.50, "tags", List.of("老客户"),
                "identities", List.of(Map.of("channel", "SOCIAL", "externalId", unique("wechat:wxid"), "displayName", "芳芳"))));

        assertThat(created.status()).isEqualTo(201);
        JsonNode c = created.body();
        assertThat(c.get("emails").get(0).get("email").asString()).isEqualTo(email.toLowerCase());
        assertThat(c.get("tier").get("code").asString()).isEqualTo("VIP");
        assertThat(c.get("lifetimeValue").decimalValue()).isEqualByComparingTo("12800.50");
        assertThat(c.get("identities").get(0).get("channel").asString()).isEqualTo("SOCIAL");

        Api.Response duplicate = admin.post("/api/v1/customers", Map.of("name", "别人", "emails", List.of(email.toUpperCase())));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.body().get("customerId").asLong()).isEqualTo(c.get("id").asLong());

        assertThat(admin.get("/api/v1/customers?email=" + Api.q(email)).body().get("items")).hasSize(1);
        assertThat(admin.get("/api/v1/customers?phone=" + Api.q("+8613800138001")).body().get("items").size()).isPositive();
        Api.Response badTier = admin.post("/api/v1/customers", Map.of("name", "x", "tier", "GOLD"));
        assertThat(badTier.status()).isEqualTo(400);
        assertThat(badTier.raw()).contains("tier");
    }

    @Test
    void mergingTwoCustomersKeepsEveryTicketAndIdentity() {
        String emailA = unique("a") + "@example.com";
        String emailB = unique("b") + "@example.com";
        String visitor = unique("visitor");
        long a = admin.post("/api/v1/customers", Map.of("name", "李雷", "emails", List.of(emailA), "lifetimeValue", 100))
                .body().get("id").asLong();
        long b = admin.post("/api/v1/customers", Map.of("name", "Li Lei", "emails", List.of(emailB), "lifetimeValue", 50,
                "identities", List.of(Map.of("channel", "CHAT", "externalId", visitor)))).body().get("id").asLong();
        long ticketOfA = openTicket(admin, Map.of("subject", "A 的问题", "description", "x", "customerId", a)).get("id").asLong();
        long ticketOfB = openTicket(admin, Map.of("subject", "B 的问题", "description", "y", "customerId", b)).get("id").asLong();

        Api.Response merged = admin.post("/api/v1/customers/" + a + "/merge", Map.of("duplicateId", b));

        assertThat(merged.status()).isEqualTo(200);
        JsonNode survivor = merged.body();
        assertThat(survivor.get("emails").toString()).contains(emailA, emailB);
        assertThat(survivor.get("identities").toString()).contains(visitor);
        assertThat(survivor.get("lifetimeValue").decimalValue()).isEqualByComparingTo("150");
        assertThat(admin.get("/api/v1/customers/" + b).body().get("mergedIntoId").asLong()).isEqualTo(a);
        assertThat(admin.get("/api/v1/tickets/" + ticketOfA).body().get("customer").get("id").asLong()).isEqualTo(a);
        assertThat(admin.get("/api/v1/tickets/" + ticketOfB).body().get("customer").get("id").asLong()).isEqualTo(a);
        assertThat(admin.get("/api/v1/tickets?customerId=" + a).body().get("items")).hasSize(2);
        assertThat(admin.get("/api/v1/tickets?q=" + Api.q(emailB)).body().get("items").toString()).contains("B 的问题");
        assertThat(admin.post("/api/v1/customers/" + a + "/merge", Map.of("duplicateId", b)).status()).isEqualTo(409);
    }
}
