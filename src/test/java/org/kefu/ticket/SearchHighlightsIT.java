package org.kefu.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kefu.support.Api;
import org.kefu.support.IntegrationTest;
import org.kefu.support.WebVisitor;
import tools.jackson.databind.JsonNode;

/**
 * The exact fragments search shows, wherever it shows them (ticket API, the workspace search page, knowledge
 * search): the marks must sit on the customer's own characters even when the index folded Traditional to
 * Simplified or stemmed English before it stored the terms.
 */
class SearchHighlightsIT extends IntegrationTest {

    /** A marker the analyser keeps as one word (it splits letters from digits). */
    private static String digits() {
        return String.valueOf(100_000_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(900_000_000));
    }

    private List<String> highlights(String q, String tag) {
        Api.Response r = admin.get("/api/v1/tickets?q=" + Api.q(q) + "&tag=" + tag);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        JsonNode items = r.body().get("items");
        assertThat(items).hasSize(1);
        return items.get(0).get("highlights").valueStream().map(JsonNode::asString).toList();
    }

    @Test
    void aTraditionalMessageFoundBySimplifiedWordsIsMarkedInItsOwnCharacters() {
        String tag = unique("tw");
        long id = openTicket(admin, ticket("外送問題", "您好，上週訂的餐點到現在還沒送到，我要投訴外送員，他的態度很差。", "tags",
                List.of(tag))).get("id").asLong();
        admin.post("/api/v1/tickets/" + id + "/messages", Map.of("body", "非常抱歉，我們已經記錄您的投訴，會盡快處理。"));

        assertThat(highlights("投诉 态度", tag)).containsExactly(
                "您好，上週訂的餐點到現在還沒送到，我要<mark>投訴</mark>外送員，他的<mark>態度</mark>很差。",
                "非常抱歉，我們已經記錄您的<mark>投訴</mark>，會盡快處理。");
        // smartcn keeps 外送 as two words, so each is marked wherever it stands
        assertThat(highlights("外送", tag)).containsExactly("<mark>外</mark><mark>送</mark>問題",
                "您好，上週訂的餐點到現在還沒<mark>送</mark>到，我要投訴<mark>外</mark><mark>送</mark>員，他的態度很差。");
    }

    @Test
    void subjectComesFirstThenMessagesAtMostThreeFragments() {
        String tag = unique("zh");
        long id = openTicket(admin, ticket("包裹丢失，要求退款", "顺丰单号 SF1402938475 显示已签收，但我没收到包裹。", "tags",
                List.of(tag))).get("id").asLong();
        admin.post("/api/v1/tickets/" + id + "/messages", Map.of("body", "已为您申请退款，包裹找到后会再联系您。"));
        admin.post("/api/v1/tickets/" + id + "/notes", Map.of("body", "仓库确认包裹在转运中心。"));

        assertThat(highlights("包裹", tag)).containsExactly("<mark>包裹</mark>丢失，要求退款",
                "顺丰单号 SF1402938475 显示已签收，但我没收到<mark>包裹</mark>。",
                "已为您申请退款，<mark>包裹</mark>找到后会再联系您。");
    }

    @Test
    void englishStemsAreMarkedOnTheWordAsWritten() {
        String tag = unique("en");
        openTicket(admin, ticket("Refunds for damaged items", "The blender arrived broken. Refunding it would be fine; "
                + "a replacement too.", "tags", List.of(tag)));

        assertThat(highlights("refund", tag)).containsExactly("<mark>Refunds</mark> for damaged items",
                "<mark>Refunding</mark> it would be fine; a replacement too.");
    }

    @Test
    void theWorkspaceSearchPageShowsTheSameEscapedFragments() {
        String m = digits();
        openTicket(admin, ticket("投訴 " + m, "<b>外送員</b>態度惡劣 " + m));
        WebVisitor web = new WebVisitor(port);
        web.agentSignIn("admin@test.kefu.local", "admin-password-123");

        String page = web.get("/search?q=" + Api.q("投诉 态度 " + m)).body();
        assertThat(page).contains("<mark>投訴</mark> <mark>" + m + "</mark>",
                "&lt;b&gt;外送員&lt;/b&gt;<mark>態度</mark>惡劣 <mark>" + m + "</mark>").doesNotContain("<b>外送員");
    }

    @Test
    void knowledgeSearchMarksTitleAndBody() {
        String m = digits();
        Map<String, Object> request = new HashMap<>();
        request.put("language", "zh-TW");
        request.put("title", "餐點退款說明 " + m);
        request.put("body", "訂單取消後，退款會在三個工作天內原路退回。");
        request.put("internal", false);
        request.put("tags", List.of());
        request.put("questions", List.of());
        Api.Response created = admin.post("/api/v1/knowledge/articles", request);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);

        Api.Response r = admin.get("/api/v1/knowledge/search?state=DRAFT&q=" + Api.q("退款 " + m));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(r.body().get("items")).hasSize(1);
        assertThat(r.body().get("items").get(0).get("highlights").valueStream().map(JsonNode::asString).toList())
                .containsExactly("餐點<mark>退款</mark>說明 <mark>" + m + "</mark>",
                        "訂單取消後，<mark>退款</mark>會在三個工作天內原路退回。");
    }
}
