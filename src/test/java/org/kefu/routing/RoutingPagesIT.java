package org.kefu.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kefu.support.Api;
import org.kefu.support.FormBrowser;
import org.kefu.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/** The routing admin page and the team queue page over real HTTP with a signed-in session. */
class RoutingPagesIT extends IntegrationTest {

    @Test
    void anAdminCreatesEditsAndDeletesARuleAndSetsATeamsStrategy() throws Exception {
        RoutingFixtures fx = new RoutingFixtures(admin);
        long department = fx.department();
        long team = fx.team(department);
        FormBrowser browser = new FormBrowser(port).signIn("admin@test.kefu.local", "admin-password-123");

        HttpResponse<String> page = browser.get("/admin/routing");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("路由规则").contains("团队分配方式").contains("strategy-" + team);

        String name = "<script>window.__kefuXss=true</script>" + RoutingFixtures.unique("规则");
        String product = RoutingFixtures.unique("页面产品");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", name);
        form.put("position", "5");
        form.put("active", "true");
        form.put("channel", "EMAIL");
        form.put("product", product);
        form.put("teamId", Long.toString(team));
        HttpResponse<String> created = browser.post("/admin/routing/rules", "/admin/routing", form);
        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(created.body()).contains("已保存").doesNotContain("<script>window.__kefuXss")
                .contains("&lt;script&gt;window.__kefuXss=true&lt;/script&gt;");
        long id = ruleId(name);
        try {
            form.put("position", "abc");
            HttpResponse<String> invalid = browser.post("/admin/routing/rules", "/admin/routing", form);
            assertThat(invalid.body()).contains("请检查以下内容").contains("position");

            Map<String, String> edit = new LinkedHashMap<>(Map.of("name", name, "position", "6", "channel", "CHAT",
                    "product", product, "teamId", Long.toString(team), "version", "0"));
            HttpResponse<String> saved = browser.post("/admin/routing/rules/" + id, "/admin/routing/rules/" + id, edit);
            assertThat(saved.body()).contains("已保存");
            JsonNode rule = admin.get("/api/v1/routing/rules/" + id).body();
            assertThat(rule.get("channel").asString()).isEqualTo("CHAT");
            assertThat(rule.get("active").asBoolean()).as("unchecked box").isFalse();
            HttpResponse<String> stale = browser.post("/admin/routing/rules/" + id, "/admin/routing/rules/" + id, edit);
            assertThat(stale.body()).contains("刚被他人修改");

            HttpResponse<String> strategy = browser.post("/admin/routing/teams/" + team, "/admin/routing",
                    Map.of("strategy", "ROUND_ROBIN"));
            assertThat(strategy.statusCode()).isEqualTo(200);
            assertThat(admin.get("/api/v1/routing/teams").raw()).contains("\"teamId\":" + team + ",");
            assertThat(queue(team).get("strategy").asString()).isEqualTo("ROUND_ROBIN");
        } finally {
            HttpResponse<String> deleted = browser.post("/admin/routing/rules/" + id + "/delete", "/admin/routing/rules/" + id,
                    Map.of());
            assertThat(deleted.body()).contains("规则已删除");
        }
        assertThat(admin.get("/api/v1/routing/rules/" + id).status()).isEqualTo(404);
    }

    @Test
    void supervisorsSeeTheirTeamQueuesAndAgentsGetNoRoutingPages() throws Exception {
        RoutingFixtures fx = new RoutingFixtures(admin);
        long department = fx.department();
        long team = fx.team(department);
        long otherTeam = fx.team(fx.department());
        fx.open(fx.customer("zh-CN", null), "EMAIL", "teamId", team);
        String supervisor = person("SUPERVISOR", department, team);
        String agent = person("AGENT", department, team);

        FormBrowser browser = new FormBrowser(port).signIn(supervisor, "routing-password-1");
        HttpResponse<String> queues = browser.get("/routing/queues");
        assertThat(queues.statusCode()).isEqualTo(200);
        assertThat(queues.body()).contains("团队队列").contains("data-team=\"" + team + "\"")
                .doesNotContain("data-team=\"" + otherTeam + "\"");
        assertThat(browser.get("/admin/routing").statusCode()).isEqualTo(403);

        FormBrowser plain = new FormBrowser(port).signIn(agent, "routing-password-1");
        assertThat(plain.get("/routing/queues").statusCode()).isEqualTo(403);
        assertThat(plain.get("/admin/routing").statusCode()).isEqualTo(403);
    }

    private String person(String role, long department, long team) {
        String email = RoutingFixtures.unique("rp") + "@test.kefu.local";
        Api.Response r = admin.post("/api/v1/agents", Map.of("email", email, "displayName", "页面" + role, "role", role,
                "password", "routing-password-1", "departmentIds", List.of(department), "teamIds", List.of(team)));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return email;
    }

    private long ruleId(String name) {
        for (JsonNode r : admin.get("/api/v1/routing/rules").body()) {
            if (r.get("name").asString().equals(name)) {
                return r.get("id").asLong();
            }
        }
        throw new AssertionError("no rule " + name);
    }

    private JsonNode queue(long team) {
        for (JsonNode q : admin.get("/api/v1/routing/queues").body()) {
            if (q.get("teamId").asLong() == team) {
                return q;
            }
        }
        throw new AssertionError("no queue for team " + team);
    }
}
