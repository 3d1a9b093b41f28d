package org.kefu.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kefu.support.IntegrationTest;
import org.kefu.support.WebVisitor;
import tools.jackson.databind.JsonNode;

/** The escalation admin page over real HTTP: admins create, switch off and delete rules; agents get 403. */
class EscalationPagesIT extends IntegrationTest {

    private JsonNode ruleNamed(String name) {
        for (JsonNode r : admin.get("/api/v1/escalation/rules").body()) {
            if (r.get("name").asString().equals(name)) {
                return r;
            }
        }
        return null;
    }

    @Test
    void anAdminCreatesEditsSwitchesOffAndDeletesARuleOnThePage() {
        long department = createDepartment("页面规则");
        WebVisitor web = new WebVisitor(port);
        assertThat(web.agentSignIn("admin@test.kefu.local", "admin-password-123").status()).isEqualTo(302);
        assertThat(web.get("/admin/escalation").status()).isEqualTo(200);
        String name = unique("<b>页面</b>规则");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", name);
        form.put("trigger", "UNASSIGNED");
        form.put("threshold", "15");
        form.put("minPriority", "P2");
        form.put("departmentId", String.valueOf(department));
        form.put("notifySupervisors", "on");
        form.put("notifyEmail", "on");
        form.put("raisePriority", "P1");
        WebVisitor.Page created = web.post("/admin/escalation", form);
        assertThat(created.status()).as(created.body()).isEqualTo(302);
        JsonNode rule = ruleNamed(name);
        assertThat(rule).isNotNull();
        assertThat(rule.get("threshold").asInt()).isEqualTo(15);
        assertThat(rule.get("minPriority").asString()).isEqualTo("P2");
        assertThat(rule.get("actions").get("raisePriority").asString()).isEqualTo("P1");
        String page = web.get("/admin/escalation").body();
        assertThat(page).contains("&lt;b&gt;页面&lt;/b&gt;规则").doesNotContain("<b>页面</b>");

        WebVisitor.Page bad = web.post("/admin/escalation", Map.of("name", "", "trigger", "UNASSIGNED"));
        assertThat(bad.status()).isEqualTo(200);
        assertThat(bad.body()).contains("threshold").contains("actions");

        long id = rule.get("id").asLong();
        String editPage = web.get("/admin/escalation/" + id + "/edit").body();
        assertThat(editPage).contains("value=\"15\"").contains("name=\"version\"");
        Map<String, String> edited = new LinkedHashMap<>(form);
        edited.put("threshold", "45");
        edited.put("addTag", "升级");
        edited.put("version", String.valueOf(rule.get("version").asLong()));
        WebVisitor.Page saved = web.post("/admin/escalation/" + id, edited);
        assertThat(saved.status()).as(saved.body()).isEqualTo(302);
        JsonNode changed = ruleNamed(name);
        assertThat(changed.get("threshold").asInt()).isEqualTo(45);
        assertThat(changed.get("actions").get("addTag").asString()).isEqualTo("升级");
        assertThat(changed.get("actions").get("raisePriority").asString()).isEqualTo("P1");
        assertThat(web.post("/admin/escalation/" + id, edited).status()).as("a stale version").isEqualTo(409);

        assertThat(web.post("/admin/escalation/" + id + "/active?active=false", Map.of()).status()).isEqualTo(302);
        assertThat(ruleNamed(name).get("active").asBoolean()).isFalse();
        assertThat(ruleNamed(name).get("threshold").asInt()).isEqualTo(45);
        assertThat(web.post("/admin/escalation/" + id + "/delete", Map.of()).status()).isEqualTo(302);
        assertThat(ruleNamed(name)).isNull();
    }

    @Test
    void agentsMayNotOpenTheRulesPage() {
        long department = createDepartment("无权");
        String email = unique("noadmin") + "@test.kefu.local";
        admin.post("/api/v1/agents", Map.of("email", email, "displayName", "坐席", "role", "AGENT",
                "departmentIds", List.of(department), "teamIds", List.of(), "password", "agent-password-123"));
        WebVisitor web = new WebVisitor(port);
        web.agentSignIn(email, "agent-password-123");
        assertThat(web.get("/admin/escalation").status()).isEqualTo(403);
        assertThat(web.get("/my/tasks").status()).isEqualTo(200);
        assertThat(web.get("/notifications").status()).isEqualTo(200);
        assertThat(web.get("/notifications/bell").body()).doesNotContain("notif-count");
    }
}
