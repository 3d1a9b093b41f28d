package org.kefu.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kefu.support.Api;
import org.kefu.support.IntegrationTest;
import org.kefu.support.WebVisitor;
import tools.jackson.databind.JsonNode;

/** The SLA policy admin page over real HTTP: create, validate, reorder, delete; a policy made here applies to new tickets. */
class SlaPolicyPagesIT extends IntegrationTest {

    private WebVisitor admin() {
        WebVisitor web = new WebVisitor(port);
        assertThat(web.agentSignIn("admin@test.kefu.local", "admin-password-123").status()).isEqualTo(302);
        assertThat(web.get("/admin/sla-policies/new").status()).isEqualTo(200); // a form: the session's CSRF token
        return web;
    }

    private static Map<String, String> form(String name, String tag, String firstAmount, String firstUnit) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("name", name);
        f.put("active", "on");
        f.put("position", "1");
        f.put("calendarId", "1");
        f.put("channel", "PHONE");
        f.put("tag", tag);
        f.put("firstAmount", firstAmount);
        f.put("firstUnit", firstUnit);
        f.put("resolutionAmount", "2");
        f.put("resolutionUnit", "bd");
        f.put("warnPercent", "75");
        return f;
    }

    private JsonNode policyNamed(String name) {
        for (JsonNode p : admin.get("/api/v1/sla-policies").body()) {
            if (p.get("name").asString().equals(name)) {
                return p;
            }
        }
        throw new AssertionError("no policy " + name);
    }

    @Test
    void aPolicyCreatedOnTheAdminPageAppliesToANewTicketAndIsListedInBusinessTime() {
        WebVisitor web = admin();
        String tag = unique("hotline");
        String name = unique("热线 VIP");
        WebVisitor.Page created = web.post("/admin/sla-policies", form(name, tag, "45", "min"));
        assertThat(created.redirectsTo("/admin/sla-policies")).as(created.body()).isTrue();

        JsonNode policy = policyNamed(name);
        assertThat(policy.get("firstResponse").asString()).isEqualTo("PT45M");
        assertThat(policy.get("resolution").asString()).isEqualTo("PT15H"); // 2 business days of 7.5 h
        assertThat(policy.get("warnPercent").asInt()).isEqualTo(75);
        assertThat(policy.get("tag").asString()).isEqualTo(tag);

        WebVisitor.Page list = web.get("/admin/sla-policies");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains(name, "首次响应 45 分钟", "解决 2 个工作日", "工作日历：中国大陆工作日 2025–2026",
                "VIP P1", "首次响应 30 分钟", "在线聊天 Chat", "首次响应 15 秒", "解决 3 分钟", "首次响应 2 小时");
        assertThat(list.body().indexOf(name)).as("position 1 comes before the shipped defaults")
                .isLessThan(list.body().indexOf("VIP P1"));

        long ticket = openTicket(admin, ticket("热线来电", "请回电", "channel", "PHONE", "tags", List.of(tag))).get("id").asLong();
        JsonNode sla = admin.get("/api/v1/tickets/" + ticket + "/sla").body();
        assertThat(sla.get("policyName").asString()).isEqualTo(name);
        assertThat(sla.get("clocks").findValuesAsString("target")).contains("PT45M", "PT15H");

        WebVisitor.Page edit = web.get("/admin/sla-policies/" + policy.get("id").asLong());
        assertThat(edit.body()).contains("value=\"45\"", tag);

        assertThat(web.post("/admin/sla-policies/" + policy.get("id").asLong() + "/delete", Map.of()).redirectsTo("/admin/sla-policies")).isTrue();
        assertThat(admin.get("/api/v1/sla-policies/" + policy.get("id").asLong()).status()).isEqualTo(404);
    }

    @Test
    void invalidInputIsShownNextToItsFieldsAndNothingIsSaved() {
        WebVisitor web = admin();
        Map<String, String> bad = form("", unique("t"), "abc", "min");
        bad.put("warnPercent", "0");
        bad.put("priority", "P9");
        WebVisitor.Page page = web.post("/admin/sla-policies", bad);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"firstResponse-error\"", "must be a number", "id=\"warnPercent-error\"")
                .contains("aria-invalid=\"true\"");

        Map<String, String> bad2 = form("", unique("t"), "30", "min");
        bad2.put("priority", "P9");
        bad2.put("warnPercent", "101");
        WebVisitor.Page page2 = web.post("/admin/sla-policies", bad2);
        assertThat(page2.body()).contains("id=\"name-error\"", "must not be blank", "id=\"priority-error\"",
                "must be P1, P2, P3 or P4", "id=\"warnPercent-error\"", "must be between 1 and 100");

        String taken = "VIP P1";
        WebVisitor.Page duplicate = web.post("/admin/sla-policies", form(taken, unique("t"), "30", "min"));
        assertThat(duplicate.body()).contains("id=\"name-error\"", "already called");
        assertThat(admin.get("/api/v1/sla-policies").body().findValuesAsString("name")).filteredOn(""::equals).isEmpty();
    }

    @Test
    void policiesMoveUpAndDownInTheOrderTheyAreTried() {
        WebVisitor web = admin();
        String a = unique("甲");
        String b = unique("乙");
        Map<String, String> fa = form(a, unique("t"), "1", "h");
        fa.put("position", "2");
        Map<String, String> fb = form(b, unique("t"), "1", "h");
        fb.put("position", "3");
        web.post("/admin/sla-policies", fa);
        web.post("/admin/sla-policies", fb);
        long idB = policyNamed(b).get("id").asLong();

        assertThat(web.post("/admin/sla-policies/" + idB + "/move", Map.of("direction", "up")).status()).isEqualTo(302);

        List<String> order = admin.get("/api/v1/sla-policies").body().findValuesAsString("name");
        assertThat(order.indexOf(b)).isLessThan(order.indexOf(a));
        String page = web.get("/admin/sla-policies").body();
        assertThat(page.indexOf(b)).isLessThan(page.indexOf(a));

        web.post("/admin/sla-policies/" + idB + "/delete", Map.of());
        web.post("/admin/sla-policies/" + policyNamed(a).get("id").asLong() + "/delete", Map.of());
    }

    @Test
    void anAgentMayNotOpenTheSlaPolicyPages() {
        long department = createDepartment(unique("d"));
        String email = unique("agent") + "@test.kefu.local";
        Api.Response agent = admin.post("/api/v1/agents", Map.of("email", email, "displayName", "坐席", "role", "AGENT",
                "departmentIds", List.of(department), "teamIds", List.of(), "password", "agent-password-123"));
        assertThat(agent.status()).as(agent.raw()).isEqualTo(201);
        WebVisitor web = new WebVisitor(port);
        web.agentSignIn(email, "agent-password-123");
        web.get("/account/password");
        assertThat(web.get("/admin/sla-policies").status()).isEqualTo(403);
        assertThat(web.post("/admin/sla-policies", form(unique("x"), unique("t"), "1", "h")).status()).isEqualTo(403);
    }
}
