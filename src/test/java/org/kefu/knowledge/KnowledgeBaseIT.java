package org.kefu.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kefu.support.Api;
import org.kefu.support.IntegrationTest;
import org.kefu.support.WebVisitor;
import tools.jackson.databind.JsonNode;

class KnowledgeBaseIT extends IntegrationTest {

    private long article(String language, String title, String body, boolean internal, boolean publish) {
        Map<String, Object> request = new HashMap<>();
        request.put("language", language);
        request.put("title", title);
        request.put("body", body);
        request.put("internal", internal);
        request.put("tags", List.of("测试"));
        request.put("questions", List.of());
        Api.Response created = admin.post("/api/v1/knowledge/articles", request);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        long id = created.body().get("id").asLong();
        if (publish) {
            assertThat(admin.post("/api/v1/knowledge/articles/" + id + "/publish", Map.of()).status()).isEqualTo(200);
        }
        return id;
    }

    private List<Long> searchIds(String q, String extra) {
        Api.Response r = admin.get("/api/v1/knowledge/search?q=" + Api.q(q) + extra);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.body().get("items").valueStream().map(n -> n.get("articleId").asLong()).toList();
    }

    @Test
    void searchFindsSimplifiedWithTraditionalAndStemsEnglish() {
        String m = unique("m").replace("-", "");
        long zh = article("zh-CN", "客户投诉处理流程 " + m, "收到投诉后二十四小时内联系客户。", false, true);
        long tw = article("zh-TW", "餐點退款說明 " + m, "訂單取消後退款原路退回。", false, true);
        long en = article("en", "Refund policy " + m, "Refunding takes five days.", false, true);

        assertThat(searchIds("投訴 " + m, "")).contains(zh);
        assertThat(searchIds("餐点退款 " + m, "")).contains(tw);
        assertThat(searchIds("refunds " + m, "")).contains(en);
        assertThat(searchIds("refunds " + m, "&lang=zh-CN")).doesNotContain(en);
    }

    @Test
    void stateAndVisibilityFilterSearchAndTheHelpCentre() {
        String m = unique("v").replace("-", "");
        long published = article("zh-CN", "发票开具 " + m, "在订单页面申请电子发票。", false, true);
        long internal = article("zh-CN", "发票内部流程 " + m, "财务每周一处理红冲。", true, true);
        long draft = article("zh-CN", "发票草稿 " + m, "草稿。", false, false);

        assertThat(searchIds("发票 " + m, "")).contains(published, internal).doesNotContain(draft);
        // other test classes publish and draft articles about invoices too: assert about this test's three only
        assertThat(searchIds("发票 " + m, "&state=DRAFT")).contains(draft).doesNotContain(published, internal);
        assertThat(searchIds("发票 " + m, "&internal=false")).contains(published).doesNotContain(internal);

        Api anonymous = admin.as(null);
        Api.Response json = anonymous.get("/help/search.json?q=" + Api.q("发票 " + m) + "&lang=zh-CN");
        assertThat(json.status()).isEqualTo(200);
        List<Long> ids = json.body().valueStream().map(n -> n.get("articleId").asLong()).toList();
        assertThat(ids).contains(published).doesNotContain(internal, draft);
        assertThat(json.body().valueStream().filter(n -> n.get("articleId").asLong() == published).findFirst().orElseThrow()
                .get("url").asString()).contains("/help/zh-CN/" + published + "-");

        WebVisitor visitor = new WebVisitor(port);
        assertThat(visitor.get("/help/zh-CN/" + internal + "-x").status()).isEqualTo(404);
        assertThat(visitor.get("/help/zh-CN/" + draft + "-x").status()).isEqualTo(404);
        assertThat(visitor.get("/help/zh-CN/" + (published + 9_999_999) + "-x").status()).isEqualTo(404);
    }

    @Test
    void markdownIsRenderedSafely() {
        String body = """
                # 标题

                <script>alert(1)</script>

                [点我](javascript:alert(1)) [ok](https://example.com/a) <img src=x onerror=alert(1)>

                ![x](javascript:alert(2)) <a href="javascript:alert(3)">raw</a> [data](data:text/html;base64,PHNjcmlwdD4=)
                """;
        long id = article("zh-CN", "安全测试 <b>粗体</b>", body, false, true);
        JsonNode variant = admin.get("/api/v1/knowledge/articles/" + id + "/variants/zh-CN").body();
        String html = variant.get("html").asString();
        assertThat(html).contains("<h1>标题</h1>", "href=\"https://example.com/a\"", "&lt;script&gt;");
        assertNothingActive(html);

        WebVisitor visitor = new WebVisitor(port);
        WebVisitor.Page redirect = visitor.get("/help/zh-CN/" + id);
        assertThat(redirect.status()).isEqualTo(301);
        WebVisitor.Page page = visitor.get(redirect.location().replaceFirst("^https?://[^/]+", ""));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("安全测试 &lt;b&gt;粗体&lt;/b&gt;").doesNotContain("<b>粗体");
        assertNothingActive(page.body());
    }

    /** No script elements, no event-handler attributes, no script or data URLs in any attribute. */
    private static void assertNothingActive(String html) {
        org.jsoup.nodes.Document doc = org.jsoup.Jsoup.parse(html);
        assertThat(doc.select("script:not([src]), iframe, object, embed")).isEmpty();
        doc.getAllElements().forEach(e -> e.attributes().forEach(a -> {
            assertThat(a.getKey().toLowerCase()).doesNotStartWith("on");
            assertThat(a.getValue().toLowerCase().strip()).doesNotStartWith("javascript:").doesNotStartWith("data:");
        }));
    }

    @Test
    void everySaveIsAVersionAndAnOldOneCanBeRestored() {
        long id = article("en", "Shipping times", "Two days.", false, false);
        String variant = "/api/v1/knowledge/articles/" + id + "/variants/en";
        assertThat(admin.put(variant, Map.of("title", "Shipping times", "body", "Three days.", "questions", List.of())).status())
                .isEqualTo(200);
        JsonNode versions = admin.get(variant + "/versions").body();
        assertThat(versions.get("items").valueStream().map(v -> v.get("versionNo").asInt()).toList()).containsExactly(2, 1);
        assertThat(admin.get(variant + "/versions/1").body().get("body").asString()).isEqualTo("Two days.");

        JsonNode restored = admin.post(variant + "/versions/1/restore", Map.of()).body();
        assertThat(restored.get("versionNo").asInt()).isEqualTo(3);
        assertThat(restored.get("body").asString()).isEqualTo("Two days.");
        JsonNode third = admin.get(variant + "/versions?limit=1").body();
        assertThat(third.get("items").get(0).get("note").asString()).isEqualTo("restored v1");
        assertThat(third.get("nextCursor").isNull()).isFalse();
        JsonNode rest = admin.get(variant + "/versions?limit=5&cursor=" + third.get("nextCursor").asString()).body();
        assertThat(rest.get("items").valueStream().map(v -> v.get("versionNo").asInt()).toList()).containsExactly(2, 1);
    }

    @Test
    void helpCentreIsPublicWithCanonicalUrlsAndCountsRatingsOncePerVisitor() {
        long id = article("zh-CN", "退货政策", "七天无理由退货。", false, false);
        admin.put("/api/v1/knowledge/articles/" + id + "/variants/en",
                Map.of("title", "Return policy", "body", "Returns within seven days.", "questions", List.of()));
        admin.post("/api/v1/knowledge/articles/" + id + "/publish", Map.of());
        String canonical = "/help/zh-CN/" + id + "-" + URLEncoder.encode("退货政策", StandardCharsets.UTF_8).replace("+", "%20");

        WebVisitor visitor = new WebVisitor(port);
        assertThat(visitor.get("/help").status()).isEqualTo(302);
        assertThat(visitor.get("/help/zh-CN").status()).isEqualTo(200);
        WebVisitor.Page wrong = visitor.get("/help/zh-CN/" + id + "-wrong-slug");
        assertThat(wrong.status()).isEqualTo(301);
        assertThat(wrong.location()).isEqualTo(canonical);

        WebVisitor.Page page = visitor.get(canonical);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<title>退货政策", "name=\"description\" content=\"七天无理由退货。\"",
                "rel=\"canonical\"", "hreflang=\"en\"", "/help/en/" + id + "-return-policy", "hreflang=\"x-default\"");
        assertThat(page.header("Content-Security-Policy")).contains("script-src 'self'");

        assertThat(visitor.post("/help/zh-CN/" + id + "/rating", Map.of("helpful", "true")).status()).isEqualTo(302);
        assertThat(visitor.post("/help/zh-CN/" + id + "/rating", Map.of("helpful", "false")).status()).isEqualTo(302);
        WebVisitor other = new WebVisitor(port);
        other.get(canonical);
        other.post("/help/zh-CN/" + id + "/rating", Map.of("helpful", "false"));

        JsonNode stats = admin.get("/api/v1/knowledge/articles/" + id + "/stats").body();
        assertThat(stats.get("views").asLong()).isEqualTo(2);
        assertThat(stats.get("helpful").asLong()).isEqualTo(1);
        assertThat(stats.get("notHelpful").asLong()).isEqualTo(1);
    }

    @Test
    void portalDeflectionIsCountedOncePerVisitor() {
        String m = unique("d").replace("-", "");
        long id = article("zh-CN", "修改收货地址 " + m, "发货前可以在订单详情里修改收货地址。", false, true);
        WebVisitor customer = new WebVisitor(port);
        assertThat(customer.get("/portal/new").body()).contains("id=\"kb-deflect\"", "/js/knowledge-deflect.js");
        WebVisitor.Page suggestions = customer.get("/help/suggest?lang=zh-CN&q=" + Api.q("我想修改收货地址 " + m));
        assertThat(suggestions.status()).isEqualTo(200);
        assertThat(suggestions.body()).contains("修改收货地址 " + m, "name=\"articleId\" value=\"" + id + "\"");

        WebVisitor.Page solved = customer.post("/help/deflections", Map.of("articleId", String.valueOf(id)));
        assertThat(solved.status()).isEqualTo(302);
        assertThat(solved.location()).contains("/help/").contains("solved");
        customer.post("/help/deflections", Map.of("articleId", String.valueOf(id)));

        assertThat(admin.get("/api/v1/knowledge/articles/" + id + "/stats").body().get("deflections").asLong()).isEqualTo(1);
    }

    @Test
    void articlesUsedOnATicketCountAsHelpedOnceWhenItIsResolved() {
        long id = article("zh-CN", "物流查询 " + unique("u"), "在订单页面查看物流。", false, true);
        long ticketId = openTicket(admin, ticket("物流查不到", "我的快递三天没有更新")).get("id").asLong();
        assertThat(admin.post("/api/v1/knowledge/articles/" + id + "/usages", Map.of("ticketId", ticketId, "how", "LINK")).status())
                .isEqualTo(204);
        admin.post("/api/v1/knowledge/articles/" + id + "/usages", Map.of("ticketId", ticketId, "how", "TEXT"));
        assertThat(admin.get("/api/v1/knowledge/articles/" + id + "/stats").body().get("usedInResolved").asLong()).isZero();

        admin.put("/api/v1/tickets/" + ticketId + "/status", Map.of("status", "RESOLVED"));
        assertThat(admin.get("/api/v1/knowledge/articles/" + id + "/stats").body().get("usedInResolved").asLong()).isEqualTo(1);
        admin.put("/api/v1/tickets/" + ticketId + "/status", Map.of("status", "REOPENED"));
        admin.put("/api/v1/tickets/" + ticketId + "/status", Map.of("status", "RESOLVED"));
        assertThat(admin.get("/api/v1/knowledge/articles/" + id + "/stats").body().get("usedInResolved").asLong()).isEqualTo(1);
    }

    @Test
    void apiErrorsSayWhatIsWrong() {
        Api.Response badLanguage = admin.post("/api/v1/knowledge/articles", Map.of("language", "fr", "title", "x", "body", "y"));
        assertThat(badLanguage.status()).isEqualTo(400);
        assertThat(badLanguage.contentType()).contains("application/problem+json");
        assertThat(badLanguage.raw()).contains("language");

        Map<String, Object> blank = new HashMap<>();
        blank.put("language", "zh-CN");
        blank.put("title", " ");
        blank.put("body", "");
        Api.Response blankTitle = admin.post("/api/v1/knowledge/articles", blank);
        assertThat(blankTitle.status()).isEqualTo(400);
        assertThat(blankTitle.raw()).contains("title", "body");

        assertThat(admin.get("/api/v1/knowledge/articles/987654321").status()).isEqualTo(404);
        assertThat(admin.get("/api/v1/knowledge/articles/987654321").contentType()).contains("application/problem+json");
        assertThat(admin.get("/api/v1/knowledge/articles?cursor=nonsense").status()).isEqualTo(400);

        long department = createDepartment("知识库测试部");
        Api agent = agentIn("AGENT", List.of(department), List.of());
        Api.Response draft = agent.post("/api/v1/knowledge/articles", Map.of("language", "zh-CN", "title", "坐席草稿", "body", "内容"));
        assertThat(draft.status()).isEqualTo(201);
        long id = draft.body().get("id").asLong();
        assertThat(agent.post("/api/v1/knowledge/articles/" + id + "/publish", Map.of()).status()).isEqualTo(403);
        assertThat(admin.post("/api/v1/knowledge/articles/" + id + "/publish", Map.of()).status()).isEqualTo(200);
        assertThat(agent.put("/api/v1/knowledge/articles/" + id + "/variants/zh-CN", Map.of("title", "改", "body", "改")).status())
                .isEqualTo(403);
        assertThat(agent.post("/api/v1/knowledge/categories", Map.of("nameZhCn", "分类")).status()).isEqualTo(403);
        assertThat(admin.as(null).get("/api/v1/knowledge/articles").status()).isEqualTo(401);

        Api.Response category = admin.post("/api/v1/knowledge/categories", Map.of("nameZhCn", "售后", "nameEn", "After sales"));
        assertThat(category.status()).isEqualTo(201);
        long parent = category.body().get("id").asLong();
        long child = admin.post("/api/v1/knowledge/categories", Map.of("nameZhCn", "退货", "parentId", parent)).body().get("id").asLong();
        Api.Response tooDeep = admin.post("/api/v1/knowledge/categories", Map.of("nameZhCn", "三级", "parentId", child));
        assertThat(tooDeep.status()).isEqualTo(400);
        assertThat(tooDeep.raw()).contains("parentId");
        assertThat(admin.delete("/api/v1/knowledge/categories/" + parent).status()).isEqualTo(409);
    }
}
