package org.kefu.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kefu.support.Api;
import org.kefu.support.IntegrationTest;
import org.kefu.support.WebVisitor;

/** Every page knows who is signed in (the layout's navigation, the admin link); public pages and redirects do not. */
class CurrentUserInModelIT extends IntegrationTest {

    @Test
    void pagesShowTheSignedInPersonsNavigationAndOnlyAdminsGetTheAdminLink() {
        WebVisitor anonymous = new WebVisitor(port);
        WebVisitor.Page signIn = anonymous.get("/login");
        assertThat(signIn.status()).isEqualTo(200);
        assertThat(signIn.body()).doesNotContain("class=\"main-nav\"");

        WebVisitor boss = new WebVisitor(port);
        assertThat(boss.agentSignIn("admin@test.kefu.local", "admin-password-123").status()).isEqualTo(302);
        WebVisitor.Page adminPage = boss.get("/tickets");
        assertThat(adminPage.status()).isEqualTo(200);
        assertThat(adminPage.body()).contains("class=\"main-nav\"").contains("href=\"/admin\"");

        long department = createDepartment("导航");
        String email = unique("nav") + "@test.kefu.local";
        Api.Response agent = admin.post("/api/v1/agents", Map.of("email", email, "displayName", "坐席", "role", "AGENT",
                "departmentIds", List.of(department), "teamIds", List.of(), "password", "nav-password-123"));
        assertThat(agent.status()).isEqualTo(201);
        WebVisitor web = new WebVisitor(port);
        WebVisitor.Page signedIn = web.agentSignIn(email, "nav-password-123");
        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.location()).doesNotContain("me=");
        WebVisitor.Page agentPage = web.get("/tickets");
        assertThat(agentPage.status()).isEqualTo(200);
        assertThat(agentPage.body()).contains("class=\"main-nav\"").doesNotContain("href=\"/admin\"");
    }
}
