package org.kefu.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kefu.support.Api;
import org.kefu.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

class TicketSearchIT extends IntegrationTest {

    private JsonNode search(String q, String tag) {
        Api.Response r = admin.get("/api/v1/tickets?q=" + Api.q(q) + "&tag=" + tag);
        assertThat(r.status()).isEqualTo(200);
        return r.body().get("items");
    }

    @Test
    void simplifiedChineseIsSegmented() {
        String tag = unique("zh");
        openTicket(admin, ticket("快递丢失包裹", "顺丰单号 SF1402938475 显示已签收，但我没收到", "tags", List.of(tag)));
        openTicket(admin, ticket("发票开错了", "抬头写错", "tags", List.of(tag)));

        JsonNode hits = search("包裹", tag);
        assertThat(hits).hasSize(1);
        assertThat(hits.get(0).get("subject").asString()).isEqualTo("快递丢失包裹");
        assertThat(hits.get(0).get("highlights").get(0).asString()).contains("<mark>包裹</mark>");
        assertThat(search("签收", tag)).hasSize(1);
    }

    @Test
    void traditionalChineseIsFoldedToSimplified() {
        String tag = unique("tw");
        openTicket(admin, ticket("投訴：餐點送錯而且態度很差", "外送員態度惡劣", "tags", List.of(tag)));

        assertThat(search("投诉", tag)).hasSize(1);
        assertThat(search("投訴", tag)).hasSize(1);
        assertThat(search("态度", tag)).hasSize(1);
    }

    @Test
    void englishIsStemmed() {
        String tag = unique("en");
        openTicket(admin, ticket("Blender broken", "I want to know how refunds work for damaged items", "tags", List.of(tag)));

        assertThat(search("refund", tag)).hasSize(1);
        assertThat(search("Refunding", tag)).hasSize(1);
        assertThat(search("DAMAGE", tag)).hasSize(1);
    }

    @Test
    void customerNameEmailPhoneAndNumberAreSearchable() {
        String tag = unique("who");
        String email = unique("zhou") + "@example.cn";
        long customer = admin.post("/api/v1/customers", Map.of("name", "周杰", "emails", List.of(email),
                "phones", List.of("+86 138 0013 8001"))).body().get("id").asLong();
        JsonNode ticket = openTicket(admin, Map.of("subject", "账户冻结", "description", "无法登录", "customerId", customer,
                "tags", List.of(tag)));

        assertThat(search(email, tag)).hasSize(1);
        assertThat(search("周杰", tag)).hasSize(1);
        assertThat(search("8613800138001", tag)).hasSize(1);
        assertThat(search(ticket.get("number").asString(), tag)).hasSize(1);
    }

    @Test
    void repliesAreSearchableAndHighlightsAreEscaped() {
        String tag = unique("xss");
        long id = openTicket(admin, ticket("<script>alert(1)</script> 退款", "<img src=x onerror=alert(1)> 退款申请",
                "tags", List.of(tag))).get("id").asLong();
        admin.post("/api/v1/tickets/" + id + "/messages", Map.of("body", "已为您办理补发"));

        JsonNode hits = search("退款", tag);
        assertThat(hits).hasSize(1);
        String highlights = hits.get(0).get("highlights").toString();
        assertThat(highlights).doesNotContain("<script>").doesNotContain("<img").contains("&lt;script&gt;");
        assertThat(search("补发", tag)).hasSize(1);
    }
}
