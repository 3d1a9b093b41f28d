package org.kefu.agent.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.kefu.support.Api;
import org.kefu.support.IntegrationTest;

class AdminPagesAccessIT extends IntegrationTest {

    private static final String ADMIN_EMAIL = "admin@test.kefu.local";
    private static final String ADMIN_PASSWORD = "admin-password-123";

    private PageSession signedIn(String role) {
        String email = unique("pages") + "@test.kefu.local";
        Api.Response r = admin.post("/api/v1/agents", Map.of("email", email, "displayName", "页面测试", "role", role,
                "password", "pages-pass-123"));
        assertThat(r.status()).isEqualTo(201);
        PageSession session = new PageSession(port);
        assertThat(session.signIn(email, "pages-pass-123")).endsWith("/tickets");
        return session;
    }

    @ParameterizedTest
    @ValueSource(strings = {"/admin", "/admin/agents", "/admin/agents/invite", "/admin/departments", "/admin/tiers",
            "/admin/complaint-types", "/admin/custom-fields", "/admin/tokens", "/admin/search-index",
            "/admin/search-index/progress", "/admin/audit"})
    void agentsAndSupervisorsGetTheForbiddenPageAndAdminsTheAdminPage(String path) {
        for (String role : List.of("AGENT", "SUPERVISOR")) {
            PageSession.Page page = signedIn(role).get(path);
            assertThat(page.status()).as(role + " " + path).isEqualTo(403);
            assertThat(page.body()).doesNotContain("id=\"sidebar\"");
        }
        PageSession adminSession = new PageSession(port);
        adminSession.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        PageSession.Page page = adminSession.get(path);
        assertThat(page.status()).as(path).isEqualTo(200);
    }

    @Test
    void anAgentCannotChangeAnythingThroughTheAdminForms() {
        PageSession agent = signedIn("AGENT");
        PageSession.Page type = agent.post("/admin/complaint-types",
                Map.of("code", "SNEAKY", "nameZhCn", "偷偷", "nameZhTw", "偷偷", "nameEn", "Sneaky"), "/account/password");
        assertThat(type.status()).isEqualTo(403);
        assertThat(admin.get("/api/v1/complaint-types").raw()).doesNotContain("SNEAKY");
        PageSession.Page rebuild = agent.post("/admin/search-index/rebuild", Map.of(), "/account/password");
        assertThat(rebuild.status()).isEqualTo(403);
    }

    @Test
    void signedOutVisitorsAreSentToTheSignInPage() {
        PageSession.Page page = new PageSession(port).get("/admin/agents");
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.location()).endsWith("/login");
    }

    @Test
    void aFormWithProblemsShowsThemNextToTheFieldsAndKeepsWhatWasTyped() {
        PageSession adminSession = new PageSession(port);
        adminSession.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        String code = "KEPT_" + unique("x").substring(2, 8).toUpperCase().replace('-', '_');
        PageSession.Page page = adminSession.post("/admin/complaint-types",
                Map.of("code", code, "nameZhCn", "物流延误", "nameZhTw", "", "nameEn", "Late <b>delivery</b>"),
                "/admin/complaint-types");
        assertThat(page.status()).isEqualTo(422);
        assertThat(page.body()).contains("id=\"nameZhTw-error\"").contains("value=\"" + code + "\"")
                .contains("value=\"物流延误\"").contains("Late &lt;b&gt;delivery&lt;/b&gt;");
        assertThat(admin.get("/api/v1/complaint-types").raw()).doesNotContain(code);
    }

    @Test
    void invitingFromThePageCreatesTheAccountAndAuditsIt() throws Exception {
        PageSession adminSession = new PageSession(port);
        adminSession.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        String email = unique("pageinvite") + "@test.kefu.local";
        PageSession.Page done = adminSession.post("/admin/agents/invite", Map.of("email", email, "displayName", "页面邀请",
                "role", "SUPERVISOR", "maxLoad", "12", "locale", "en", "timeZone", "Europe/Berlin",
                "skillKind", "LANGUAGE", "skillValue", "en", "skillLevel", "4"), "/admin/agents/invite");
        assertThat(done.status()).as(done.body()).isEqualTo(302);
        assertThat(adminSession.get("/admin/agents").body()).contains(email);
        assertThat(org.kefu.support.Outbox.lastMailTo(email)).contains("/invite/accept?token=").contains("Hello");
        assertThat(admin.get("/api/v1/audit-events?action=AGENT_CREATED").raw()).contains(email);

        PageSession.Page duplicate = adminSession.post("/admin/agents/invite", Map.of("email", email, "displayName", "again",
                "role", "AGENT"), "/admin/agents/invite");
        assertThat(duplicate.status()).isEqualTo(422);
        assertThat(duplicate.body()).contains("id=\"email-error\"").contains("value=\"again\"");
    }

    @Test
    void roleAndPlacementChangesOnTheAgentPageAreAudited() {
        PageSession adminSession = new PageSession(port);
        adminSession.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        long department = createDepartment("页面部门");
        String email = unique("edit") + "@test.kefu.local";
        long id = admin.post("/api/v1/agents", Map.of("email", email, "displayName", "待修改", "role", "AGENT"))
                .body().get("id").asLong();
        PageSession.Page form = adminSession.get("/admin/agents/" + id);
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("value=\"待修改\"").contains("id=\"deactivate\"");

        PageSession.Page saved = adminSession.post("/admin/agents/" + id, Map.of("displayName", "已修改", "role", "SUPERVISOR",
                "departmentIds", String.valueOf(department), "maxLoad", "7", "locale", "zh-TW", "timeZone", "Asia/Taipei"),
                "/admin/agents/" + id);
        assertThat(saved.status()).isEqualTo(302);
        var view = admin.get("/api/v1/agents/" + id).body();
        assertThat(view.get("role").asString()).isEqualTo("SUPERVISOR");
        assertThat(view.get("maxLoad").asInt()).isEqualTo(7);
        assertThat(view.get("departments").get(0).get("id").asLong()).isEqualTo(department);
        assertThat(admin.get("/api/v1/audit-events?action=ROLE_CHANGED").raw()).contains(email);
        assertThat(admin.get("/api/v1/audit-events?action=PERMISSION_CHANGED").raw()).contains(email);

        PageSession.Page bad = adminSession.post("/admin/agents/" + id, Map.of("displayName", "已修改", "role", "AGENT",
                "timeZone", "Mars/Olympus"), "/admin/agents/" + id);
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body()).contains("id=\"timeZone-error\"").contains("value=\"Mars/Olympus\"");

        assertThat(adminSession.post("/admin/agents/" + id + "/deactivate", Map.of(), "/admin/agents/" + id).status())
                .isEqualTo(302);
        assertThat(admin.get("/api/v1/agents/" + id).body().get("active").asBoolean()).isFalse();
        assertThat(admin.get("/api/v1/audit-events?action=AGENT_DEACTIVATED").raw()).contains(email);
    }

    @Test
    void departmentsTeamsAndTiersMadeOnThePagesAreWhatTheApiShows() {
        PageSession adminSession = new PageSession(port);
        adminSession.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        String code = unique("dep");
        assertThat(adminSession.post("/admin/departments", Map.of("code", code, "name", "投诉处理部"), "/admin/departments")
                .status()).isEqualTo(302);
        var department = admin.get("/api/v1/departments").body().valueStream()
                .filter(d -> d.get("code").asString().equals(code)).findFirst().orElseThrow();
        long departmentId = department.get("id").asLong();
        String team = unique("团队");
        assertThat(adminSession.post("/admin/teams", Map.of("name", team, "departmentId", String.valueOf(departmentId)),
                "/admin/departments").status()).isEqualTo(302);
        assertThat(admin.get("/api/v1/teams").raw()).contains(team);
        PageSession.Page duplicate = adminSession.post("/admin/departments", Map.of("code", code, "name", "重复"),
                "/admin/departments");
        assertThat(duplicate.status()).isEqualTo(422);
        assertThat(duplicate.body()).contains("id=\"code-error\"").contains("value=\"重复\"");

        String tier = "T" + unique("x").substring(2, 8).toUpperCase();
        assertThat(adminSession.post("/admin/tiers", Map.of("code", tier, "name", "金卡", "rank", "55"), "/admin/tiers")
                .status()).isEqualTo(302);
        assertThat(admin.get("/api/v1/customer-tiers").raw()).contains(tier).contains("金卡");
        PageSession.Page noRank = adminSession.post("/admin/tiers", Map.of("code", tier + "2", "name", "银卡"), "/admin/tiers");
        assertThat(noRank.status()).isEqualTo(422);
        assertThat(noRank.body()).contains("id=\"rank-error\"").contains("value=\"银卡\"");
    }
}
