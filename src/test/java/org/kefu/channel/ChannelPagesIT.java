package org.kefu.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kefu.support.IntegrationTest;
import org.kefu.support.WebVisitor;
import tools.jackson.databind.JsonNode;

/** The channel pages over real HTTP with a signed-in admin: calls panel, phone page, duplicates, webhook admin. */
class ChannelPagesIT extends IntegrationTest {

    private WebVisitor browser;

    @BeforeEach
    void signIn() {
        browser = new WebVisitor(port);
        assertThat(browser.agentSignIn("admin@test.kefu.local", "admin-password-123").status()).isEqualTo(302);
    }

    private static String mobile() {
        return "137" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    @Test
    void aCallLoggedInTheTicketPanelIsListedEscapedAndOnTheTimeline() {
        long id = openTicket(admin, ticket("电话跟进", "请回电")).get("id").asLong();
        WebVisitor.Page panel = browser.get("/tickets/" + id + "/calls");
        assertThat(panel.status()).isEqualTo(200);
        assertThat(panel.body()).contains("name=\"direction\"").contains("name=\"outcome\"");
        browser.get("/tickets/" + id);

        Map<String, String> form = new LinkedHashMap<>();
        form.put("direction", "OUTBOUND");
        form.put("number", "+86 138 0013 8000");
        form.put("outcome", "ANSWERED");
        form.put("minutes", "2.5");
        form.put("notes", "<script>window.__kefuXss=true</script>客户确认收货");
        form.put("recordingUrl", "");
        WebVisitor.Page logged = browser.post("/tickets/" + id + "/calls", form);
        assertThat(logged.status()).isEqualTo(200);
        assertThat(logged.body()).contains("data-call-id").contains("2:30")
                .contains("&lt;script&gt;window.__kefuXss=true&lt;/script&gt;客户确认收货")
                .doesNotContain("<script>window.__kefuXss");
        JsonNode calls = admin.get("/api/v1/tickets/" + id + "/calls").body();
        assertThat(calls).hasSize(1);
        assertThat(calls.get(0).get("durationSeconds").asInt()).isEqualTo(150);

        form.put("number", "打给我");
        WebVisitor.Page refused = browser.post("/tickets/" + id + "/calls", form);
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("aria-invalid=\"true\"");
        assertThat(admin.get("/api/v1/tickets/" + id + "/calls").body()).hasSize(1);
    }

    @Test
    void thePhonePageShowsWhoIsCallingAndOpensATicketFromTheCall() {
        String number = mobile();
        long customerId = admin.post("/api/v1/customers", Map.of("name", "赵经理", "phones", List.of(number)))
                .body().get("id").asLong();
        assertThat(browser.get("/phone").status()).isEqualTo(200);

        WebVisitor.Page lookup = browser.get("/phone/lookup?number=" + java.net.URLEncoder.encode("+86 " + number,
                java.nio.charset.StandardCharsets.UTF_8));
        assertThat(lookup.status()).isEqualTo(200);
        assertThat(lookup.body()).contains("赵经理").contains("/customers/" + customerId + "/panel")
                .contains("value=\"" + customerId + "\"");
        assertThat(browser.get("/phone/lookup?number=12").body()).doesNotContain("name=\"customerId\"");

        Map<String, String> form = new LinkedHashMap<>();
        form.put("number", number);
        form.put("direction", "INBOUND");
        form.put("outcome", "ANSWERED");
        form.put("minutes", "4");
        form.put("customerId", String.valueOf(customerId));
        form.put("subject", "咨询发票");
        form.put("notes", "客户要求开具增值税发票");
        form.put("recordingUrl", "https://pbx.example.com/r/1.mp3");
        WebVisitor.Page created = browser.post("/phone/tickets", form);
        assertThat(created.redirectsTo("/tickets/")).as(created.body()).isTrue();
        long ticketId = Long.parseLong(created.location().replaceAll(".*/tickets/", ""));
        JsonNode ticket = admin.get("/api/v1/tickets/" + ticketId).body();
        assertThat(ticket.get("channel").asString()).isEqualTo("PHONE");
        assertThat(ticket.get("customer").get("id").asLong()).isEqualTo(customerId);
        assertThat(admin.get("/api/v1/tickets/" + ticketId + "/calls").body().get(0).get("recordingUrl").asString())
                .isEqualTo("https://pbx.example.com/r/1.mp3");
    }

    @Test
    void possibleDuplicatesAreSuggestedAndCanBeMergedFromThePanel() {
        String number = mobile();
        String name = unique("周");
        long keep = admin.post("/api/v1/customers", Map.of("name", name, "phones", List.of("+86 " + number))).body().get("id").asLong();
        long other = admin.post("/api/v1/customers", Map.of("name", "另一个名字", "phones", List.of(number))).body().get("id").asLong();
        long sameName = admin.post("/api/v1/customers", Map.of("name", name)).body().get("id").asLong();
        long stranger = admin.post("/api/v1/customers", Map.of("name", unique("陌生人"))).body().get("id").asLong();

        WebVisitor.Page duplicates = browser.get("/customers/" + keep + "/duplicates");
        assertThat(duplicates.body()).contains("data-duplicate-id=\"" + other + "\"")
                .contains("data-duplicate-id=\"" + sameName + "\"").doesNotContain("data-duplicate-id=\"" + stranger + "\"");
        assertThat(browser.get("/customers/" + stranger + "/duplicates").body()).doesNotContain("data-duplicate-id");
        assertThat(browser.get("/customers/" + keep + "/panel").body()).contains("/customers/" + keep + "/duplicates");

        browser.get("/customers/" + keep);
        WebVisitor.Page merged = browser.post("/customers/" + keep + "/duplicates/merge", Map.of("duplicateId", String.valueOf(other)));
        assertThat(merged.redirectsTo("/customers/" + keep)).isTrue();
        assertThat(admin.get("/api/v1/customers/" + other).body().get("mergedIntoId").asLong()).isEqualTo(keep);
    }

    @Test
    void adminsCreateWebhookChannelsOnTheirPageAndSeeTheSecretOnce() {
        assertThat(browser.get("/admin/webhooks").status()).isEqualTo(200);
        WebVisitor.Page created = browser.post("/admin/webhooks", Map.of("name", "微信服务号", "source", "WECHAT",
                "callbackUrl", "https://gw.example.com/kefu", "departmentId", "", "teamId", ""));
        assertThat(created.status()).isEqualTo(200);
        assertThat(created.body()).contains("id=\"wh-secret\"").contains("/api/v1/channels/webhook/");
        JsonNode channels = admin.get("/api/v1/channels/webhooks").body();
        JsonNode mine = null;
        for (JsonNode c : channels) {
            if (c.get("name").asString().equals("微信服务号")) {
                mine = c;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.get("secret").isNull()).isTrue();
        assertThat(browser.get("/admin/webhooks/" + mine.get("id").asLong()).body()).doesNotContain("id=\"wh-secret\"");

        WebVisitor.Page bad = browser.post("/admin/webhooks", Map.of("name", "x", "source", "WECHAT",
                "callbackUrl", "ftp://nope"));
        assertThat(bad.body()).contains("aria-invalid=\"true\"");

        long department = createDepartment("一线");
        String email = unique("agent") + "@test.kefu.local";
        admin.post("/api/v1/agents", Map.of("email", email, "displayName", "坐席", "role", "AGENT",
                "departmentIds", List.of(department), "teamIds", List.of(), "password", "agent-password-123"));
        WebVisitor agent = new WebVisitor(port);
        agent.agentSignIn(email, "agent-password-123");
        assertThat(agent.get("/admin/webhooks").status()).isEqualTo(403);
    }
}
