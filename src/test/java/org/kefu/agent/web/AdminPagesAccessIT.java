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
}
