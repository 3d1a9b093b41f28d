package org.kefu.automation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kefu.support.Api;
import org.kefu.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/** Reply templates and macros over the REST API, on a real ticket and database. */
class TemplatesAndMacrosIT extends IntegrationTest {

    private static final long APOLOGY = 2, COMMIT = 3, MORE_INFO = 5;
    private static final long MACRO_NEED_INFO = 1, MACRO_SOOTHE = 3;

    private static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get(field).isNull() ? null : n.get(field).asString()));
        return out;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }

    private List<String> timelineBodies(Api as, long ticketId) {
        return texts(as.get("/api/v1/tickets/" + ticketId + "/timeline?limit=100").body().get("items"), "body");
    }

    @Test
    void theDefaultSetIsThereInThreeLanguagesWithDeescalationTemplatesAndMacros() {
        JsonNode items = admin.get("/api/v1/templates?category=deescalation&limit=100").body().get("items");
        assertThat(texts(items, "shortcut")).contains("apology", "listen", "commit", "followup");
        JsonNode apology = admin.get("/api/v1/templates/" + APOLOGY).body();
        assertThat(apology.get("bodies").get("zh-CN").asString()).contains("我理解这种情况给您带来的不便");
        assertThat(apology.get("bodies").get("zh-TW").asString()).contains("我理解這種情況給您帶來的不便");
        assertThat(apology.get("bodies").get("en").asString()).contains("inconvenience");
        assertThat(admin.get("/api/v1/templates/" + COMMIT).body().get("bodies").get("zh-CN").asString())
                .contains("{{ticket.demandDeadline}}");
        JsonNode macros = admin.get("/api/v1/macros?limit=100").body().get("items");
        assertThat(texts(macros, "name")).contains("需要客户补充信息", "已解决");
    }

    @Test
    void aTemplateIsRenderedForARealTicketInTheCustomersLanguage() {
        long dept = createDepartment("模板部");
        Api agent = agentIn("AGENT", List.of(dept), List.of());
        JsonNode ticket = openTicket(agent, ticket("快递丢失", "我的包裹丢了", "departmentId", dept, "orderRef", "ORD-77",
                "customer", Map.of("email", unique("c") + "@example.com", "name", "王芳")));
        long id = ticket.get("id").asLong();

        JsonNode zh = agent.post("/api/v1/tickets/" + id + "/templates/" + APOLOGY + "/render", Map.of()).body();
        assertThat(zh.get("language").asString()).isEqualTo("zh-CN");
        assertThat(zh.get("text").asString()).contains("王芳", ticket.get("number").asString(), "快递丢失", "测试坐席")
                .doesNotContain("{{");
        assertThat(zh.get("complete").asBoolean()).isTrue();

        // the commitment names a deadline the ticket does not have yet, and a solution only the agent can write
        JsonNode commit = agent.post("/api/v1/tickets/" + id + "/templates/" + COMMIT + "/render", Map.of()).body();
        assertThat(strings(commit.get("missing"))).containsExactly("ask.具体解决方案", "ticket.demandDeadline");
        assertThat(commit.get("text").asString()).contains("【具体解决方案?】", "【诉求时效?】").doesNotContain("{{");
        agent.patch("/api/v1/tickets/" + id, Map.of("demandDeadline", "2026-12-24T10:30:00Z"));
        JsonNode withDeadline = agent.post("/api/v1/tickets/" + id + "/templates/" + COMMIT + "/render", Map.of()).body();
        assertThat(withDeadline.get("text").asString()).contains("2026年12月24日 18:30").doesNotContain("【诉求时效?】");

        long customer = ticket.get("customer").get("id").asLong();
        assertThat(admin.patch("/api/v1/customers/" + customer, Map.of("preferredLanguage", "en")).status()).isEqualTo(200);
        JsonNode en = agent.post("/api/v1/tickets/" + id + "/templates/" + APOLOGY + "/render", Map.of()).body();
        assertThat(en.get("language").asString()).isEqualTo("en");
        assertThat(en.get("text").asString()).startsWith("Dear 王芳");
        JsonNode tw = agent.post("/api/v1/tickets/" + id + "/templates/" + APOLOGY + "/render?language=zh-TW", Map.of()).body();
        assertThat(tw.get("text").asString()).contains("對嗎");

        // a ticket the agent may not see is not found, and so is rendering for it
        Api stranger = agentIn("AGENT", List.of(createDepartment("别的部门")), List.of());
        assertThat(stranger.post("/api/v1/tickets/" + id + "/templates/" + APOLOGY + "/render", Map.of()).status()).isEqualTo(404);
    }

    @Test
    void aReplyWithAnUnfilledPlaceholderIsRefusedButANoteMayHoldOne() {
        long dept = createDepartment("占位部");
        Api agent = agentIn("AGENT", List.of(dept), List.of());
        long id = openTicket(agent, ticket("退款", "请退款", "departmentId", dept)).get("id").asLong();
        String rendered = agent.post("/api/v1/tickets/" + id + "/templates/" + COMMIT + "/render", Map.of()).body()
                .get("text").asString();

        Api.Response refused = agent.post("/api/v1/tickets/" + id + "/messages", Map.of("body", rendered));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().get("detail").asString()).contains("【具体解决方案?】");
        Api.Response braces = agent.post("/api/v1/tickets/" + id + "/messages", Map.of("body", "您好 {{customer.name}}"));
        assertThat(braces.status()).isEqualTo(422);
        assertThat(timelineBodies(agent, id)).noneMatch(b -> b != null && (b.contains("【具体解决方案?】") || b.contains("{{")));

        assertThat(agent.post("/api/v1/tickets/" + id + "/notes", Map.of("body", rendered)).status()).isEqualTo(201);
        String filled = rendered.replace("【具体解决方案?】", "为您补发").replace("【诉求时效?】", "明天 18:00");
        assertThat(agent.post("/api/v1/tickets/" + id + "/messages", Map.of("body", filled)).status()).isEqualTo(201);
        // a customer's own words are never refused
        assertThat(agent.post("/api/v1/tickets/" + id + "/messages", Map.of("body", "{{hello}} 【x?】", "author", "CUSTOMER"))
                .status()).isEqualTo(201);
    }

    @Test
    void personalTemplatesAreTheirOwnersAndSharedOnesNeedASupervisor() {
        long dept = createDepartment("权限部");
        Api owner = agentIn("AGENT", List.of(dept), List.of());
        Api colleague = agentIn("AGENT", List.of(dept), List.of());
        Api.Response created = owner.post("/api/v1/templates", Map.of("name", "我的问候", "shortcut", "hi", "scope", "PERSONAL",
                "bodies", Map.of("zh-CN", "{{customer.name}}，您好")));
        assertThat(created.status()).isEqualTo(201);
        long mine = created.body().get("id").asLong();

        assertThat(colleague.get("/api/v1/templates/" + mine).status()).isEqualTo(404);
        assertThat(admin.get("/api/v1/templates/" + mine).status()).isEqualTo(404);
        assertThat(texts(colleague.get("/api/v1/templates?limit=100").body().get("items"), "name")).doesNotContain("我的问候");
        assertThat(texts(owner.get("/api/v1/templates?mine=true").body().get("items"), "name")).containsExactly("我的问候");
        assertThat(colleague.put("/api/v1/templates/" + mine, Map.of("name", "x", "scope", "PERSONAL",
                "bodies", Map.of("en", "x"))).status()).isEqualTo(404);

        Map<String, Object> shared = Map.of("name", "部门通知", "scope", "DEPARTMENT", "departmentId", dept,
                "bodies", Map.of("zh-CN", "您好"));
        Api.Response byAgent = owner.post("/api/v1/templates", shared);
        assertThat(byAgent.status()).isEqualTo(403);
        assertThat(byAgent.contentType()).startsWith("application/problem+json");
        Api supervisor = agentIn("SUPERVISOR", List.of(dept), List.of());
        Api.Response bySupervisor = supervisor.post("/api/v1/templates", shared);
        assertThat(bySupervisor.status()).isEqualTo(201);
        long deptTemplate = bySupervisor.body().get("id").asLong();
        assertThat(colleague.get("/api/v1/templates/" + deptTemplate).status()).isEqualTo(200);
        assertThat(colleague.delete("/api/v1/templates/" + deptTemplate).status()).isEqualTo(403);
        Api outsider = agentIn("AGENT", List.of(createDepartment("外部门")), List.of());
        assertThat(outsider.get("/api/v1/templates/" + deptTemplate).status()).isEqualTo(404);

        Api.Response bad = owner.post("/api/v1/templates", Map.of("name", "坏", "scope", "PERSONAL",
                "bodies", Map.of("zh-CN", "{{customer.nmae}}")));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.raw()).contains("customer.nmae");
        assertThat(owner.post("/api/v1/templates", Map.of("name", "坏", "scope", "PERSONAL", "bodies", Map.of("fr", "x")))
                .status()).isEqualTo(400);
        assertThat(owner.delete("/api/v1/templates/" + mine).status()).isEqualTo(204);
        assertThat(owner.get("/api/v1/templates/" + mine).status()).isEqualTo(404);
    }

    @Test
    void usesAreCountedAndTheListPagesByKeyset() {
        long dept = createDepartment("计数部");
        Api agent = agentIn("AGENT", List.of(dept), List.of());
        long id = openTicket(agent, ticket("计数", "x", "departmentId", dept)).get("id").asLong();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(agent.post("/api/v1/templates", Map.of("name", "T" + i, "scope", "PERSONAL",
                    "bodies", Map.of("zh-CN", "第" + i + "条"))).body().get("id").asLong());
        }
        agent.post("/api/v1/tickets/" + id + "/templates/" + ids.get(0) + "/render", Map.of());
        agent.post("/api/v1/tickets/" + id + "/templates/" + ids.get(0) + "/render", Map.of());
        agent.post("/api/v1/tickets/" + id + "/templates/" + ids.get(2) + "/render", Map.of());
        assertThat(agent.get("/api/v1/templates/" + ids.get(0)).body().get("usageCount").asLong()).isEqualTo(2);

        JsonNode first = agent.get("/api/v1/templates?mine=true&limit=2").body();
        assertThat(texts(first.get("items"), "name")).containsExactly("T0", "T2");
        String cursor = first.get("nextCursor").asString();
        JsonNode second = agent.get("/api/v1/templates?mine=true&limit=2&cursor=" + cursor).body();
        assertThat(texts(second.get("items"), "name")).containsExactly("T1");
        assertThat(second.get("nextCursor").isNull()).isTrue();
        assertThat(agent.get("/api/v1/templates?cursor=nonsense").status()).isEqualTo(400);
    }

    @Test
    void aMacroRepliesAndSetsFieldsOnTheTimelineWithTheAgentAsActor() {
        long dept = createDepartment("宏部门");
        Api agent = agentIn("AGENT", List.of(dept), List.of());
        long id = openTicket(agent, ticket("少了配件", "盒子里少了充电器", "departmentId", dept)).get("id").asLong();

        Api.Response applied = agent.post("/api/v1/tickets/" + id + "/macros/" + MACRO_NEED_INFO + "/apply", Map.of());
        assertThat(applied.status()).isEqualTo(200);
        assertThat(applied.body().get("entryId").isNull()).isFalse();
        JsonNode t = agent.get("/api/v1/tickets/" + id).body();
        assertThat(t.get("status").asString()).isEqualTo("PENDING_CUSTOMER");
        assertThat(strings(t.get("tags"))).contains("待补充信息");

        JsonNode timeline = agent.get("/api/v1/tickets/" + id + "/timeline?limit=100").body().get("items");
        List<JsonNode> byAgent = new ArrayList<>();
        timeline.forEach(e -> {
            if ("AGENT".equals(e.get("authorType").asString())) {
                byAgent.add(e);
            }
        });
        assertThat(byAgent).anySatisfy(e -> {
            assertThat(e.get("kind").asString()).isEqualTo("REPLY");
            assertThat(e.get("body").asString()).contains("补充以下信息").doesNotContain("{{");
        });
        assertThat(byAgent).anySatisfy(e -> assertThat(e.get("eventType").asString()).isEqualTo("STATUS_CHANGED"));
        assertThat(agent.get("/api/v1/macros/" + MACRO_NEED_INFO).body().get("usageCount").asLong()).isPositive();

        Api.Response insert = agent.post("/api/v1/tickets/" + id + "/macros/" + MACRO_SOOTHE + "/apply", Map.of());
        assertThat(insert.status()).isEqualTo(200);
        assertThat(insert.body().get("insertText").asString()).contains("我理解这种情况给您带来的不便");
        assertThat(agent.get("/api/v1/tickets/" + id).body().get("priority").asString()).isEqualTo("P2");
    }

    @Test
    void aMacroWithAnIllegalStatusMoveChangesNothing() {
        long dept = createDepartment("回滚部");
        Api agent = agentIn("AGENT", List.of(dept), List.of());
        long id = openTicket(agent, ticket("已处理", "x", "departmentId", dept)).get("id").asLong();
        assertThat(agent.put("/api/v1/tickets/" + id + "/status", Map.of("status", "RESOLVED")).status()).isEqualTo(200);
        int before = agent.get("/api/v1/tickets/" + id + "/timeline?limit=100").body().get("items").size();

        Api.Response refused = agent.post("/api/v1/tickets/" + id + "/macros/" + MACRO_NEED_INFO + "/apply", Map.of());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().get("detail").asString()).contains("RESOLVED").contains("PENDING_CUSTOMER");

        JsonNode t = agent.get("/api/v1/tickets/" + id).body();
        assertThat(t.get("status").asString()).isEqualTo("RESOLVED");
        assertThat(t.get("tags").toString()).doesNotContain("待补充信息");
        assertThat(agent.get("/api/v1/tickets/" + id + "/timeline?limit=100").body().get("items").size()).isEqualTo(before);
    }

    @Test
    void macrosAreManagedLikeTemplates() {
        long dept = createDepartment("宏管理");
        Api agent = agentIn("AGENT", List.of(dept), List.of());
        Api.Response created = agent.post("/api/v1/macros", Map.of("name", "我的宏", "scope", "PERSONAL", "setPriority", "P1",
                "addTags", List.of("加急"), "templateId", MORE_INFO, "replyMode", "NOTE"));
        assertThat(created.status()).isEqualTo(201);
        long macro = created.body().get("id").asLong();
        assertThat(agentIn("AGENT", List.of(dept), List.of()).get("/api/v1/macros/" + macro).status()).isEqualTo(404);
        assertThat(agent.post("/api/v1/macros", Map.of("name", "空", "scope", "PERSONAL")).status()).isEqualTo(400);
        assertThat(agent.post("/api/v1/macros", Map.of("name", "共享", "scope", "EVERYONE", "setPriority", "P1")).status())
                .isEqualTo(403);
        long id = openTicket(agent, ticket("宏", "x", "departmentId", dept)).get("id").asLong();
        Api.Response applied = agent.post("/api/v1/tickets/" + id + "/macros/" + macro + "/apply", Map.of());
        assertThat(applied.status()).isEqualTo(200);
        JsonNode t = agent.get("/api/v1/tickets/" + id).body();
        assertThat(t.get("priority").asString()).isEqualTo("P1");
        assertThat(texts(agent.get("/api/v1/tickets/" + id + "/notes").body().get("items"), "body"))
                .anySatisfy(b -> assertThat(b).contains("补充以下信息"));
        assertThat(agent.delete("/api/v1/macros/" + macro).status()).isEqualTo(204);
    }
}
