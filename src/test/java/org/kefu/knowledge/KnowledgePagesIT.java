package org.kefu.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.kefu.support.IntegrationTest;
import org.kefu.support.WebVisitor;

/** The agents' knowledge pages and the ticket panel, over HTTP with a signed-in session. */
class KnowledgePagesIT extends IntegrationTest {

    @Test
    void anAdminWritesPublishesEditsAndRestoresAnArticleThroughThePages() {
        String m = unique("pg").replace("-", "");
        WebVisitor web = new WebVisitor(port);
        web.agentSignIn("admin@test.kefu.local", "admin-password-123");

        assertThat(web.get("/knowledge").status()).isEqualTo(200);
        assertThat(web.get("/knowledge/new").body()).contains("name=\"title\"", "name=\"questions\"");
        WebVisitor.Page invalid = web.post("/knowledge", Map.of("language", "zh-CN", "title", "", "body", ""));
        assertThat(invalid.status()).isEqualTo(200);
        assertThat(invalid.body()).contains("aria-invalid=\"true\"");

        WebVisitor.Page created = web.post("/knowledge", Map.of("language", "zh-CN", "title", "开发票 " + m,
                "body", "## 步骤\n\n在订单页**申请发票**。<script>alert(1)</script>", "questions", "怎么开发票\n发票在哪里",
                "tags", "发票, 财务"));
        assertThat(created.status()).isEqualTo(302);
        Matcher id = Pattern.compile("/knowledge/(\\d+)").matcher(created.location());
        assertThat(id.find()).isTrue();
        long articleId = Long.parseLong(id.group(1));

        WebVisitor.Page article = web.get("/knowledge/" + articleId + "?lang=zh-CN");
        assertThat(article.status()).isEqualTo(200);
        assertThat(article.body()).contains("<strong>申请发票</strong>", "&lt;script&gt;", "怎么开发票", "kb-state-DRAFT")
                .doesNotContain("<script>alert");

        assertThat(web.post("/knowledge/" + articleId + "/publish", Map.of()).status()).isEqualTo(302);
        assertThat(web.get("/knowledge/" + articleId).body()).contains("kb-state-PUBLISHED");
        assertThat(web.get("/knowledge?q=" + m).body()).contains("开发票 " + m);
        assertThat(web.get("/knowledge?state=PUBLISHED").status()).isEqualTo(200);

        assertThat(web.get("/knowledge/" + articleId + "/edit?lang=en").status()).isEqualTo(200);
        assertThat(web.post("/knowledge/" + articleId + "/variants/en", Map.of("title", "Invoices " + m, "body", "Ask on the order page.",
                "questions", "")).status()).isEqualTo(302);
        assertThat(web.post("/knowledge/" + articleId + "/variants/zh-CN", Map.of("title", "开发票（新） " + m, "body", "新内容。",
                "questions", "")).status()).isEqualTo(302);
        WebVisitor.Page history = web.get("/knowledge/" + articleId + "/history?lang=zh-CN&show=1");
        assertThat(history.status()).isEqualTo(200);
        assertThat(history.body()).contains("v2", "v1", "<strong>申请发票</strong>");
        assertThat(web.post("/knowledge/" + articleId + "/history/1/restore?lang=zh-CN", Map.of()).status()).isEqualTo(302);
        assertThat(web.get("/knowledge/" + articleId + "?lang=zh-CN").body()).contains("申请发票").doesNotContain("新内容");

        assertThat(web.get("/knowledge/categories").status()).isEqualTo(200);
        assertThat(web.post("/knowledge/categories", Map.of("nameZhCn", "页面分类 " + m, "nameEn", "Page category")).status())
                .isEqualTo(302);
        assertThat(web.get("/knowledge/categories").body()).contains("页面分类 " + m);
    }

    @Test
    void theTicketPanelSuggestsArticlesInTheCustomersLanguageAndRecordsUsage() {
        String m = unique("tp").replace("-", "");
        Map<String, Object> request = new java.util.HashMap<>(Map.of("language", "zh-CN", "title", "积分清零说明 " + m,
                "body", "积分有效期到次年年底。", "questions", List.of("积分被清零了")));
        long articleId = admin.post("/api/v1/knowledge/articles", request).body().get("id").asLong();
        admin.put("/api/v1/knowledge/articles/" + articleId + "/variants/en",
                Map.of("title", "Points expiry " + m, "body", "Points expire at the end of next year."));
        admin.post("/api/v1/knowledge/articles/" + articleId + "/publish", Map.of());
        Map<String, Object> internal = new java.util.HashMap<>(Map.of("language", "zh-CN", "title", "积分补偿内部流程 " + m,
                "body", "主管审批后补偿积分。", "internal", true));
        long internalId = admin.post("/api/v1/knowledge/articles", internal).body().get("id").asLong();
        admin.post("/api/v1/knowledge/articles/" + internalId + "/publish", Map.of());

        long ticketId = openTicket(admin, ticket("积分被清零 " + m, "我的积分突然没了")).get("id").asLong();
        WebVisitor web = new WebVisitor(port);
        web.agentSignIn("admin@test.kefu.local", "admin-password-123");
        WebVisitor.Page panel = web.get("/tickets/" + ticketId + "/knowledge");
        assertThat(panel.status()).isEqualTo(200);
        assertThat(panel.body()).contains("积分清零说明 " + m, "积分补偿内部流程 " + m, "kb-insert-text",
                "/help/zh-CN/" + articleId + "-");
        WebVisitor.Page searched = web.get("/tickets/" + ticketId + "/knowledge?q=" + java.net.URLEncoder.encode("Points expiry "
                + m, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(searched.body()).contains("积分清零说明 " + m);

        assertThat(web.get("/tickets/987654321/knowledge").status()).isEqualTo(404);

        web.get("/tickets/" + ticketId);
        assertThat(web.post("/tickets/" + ticketId + "/knowledge/usages", Map.of("articleId", String.valueOf(articleId), "how", "TEXT"))
                .status()).isEqualTo(204);
        admin.put("/api/v1/tickets/" + ticketId + "/status", Map.of("status", "RESOLVED"));
        assertThat(admin.get("/api/v1/knowledge/articles/" + articleId + "/stats").body().get("usedInResolved").asLong()).isEqualTo(1);
    }
}
