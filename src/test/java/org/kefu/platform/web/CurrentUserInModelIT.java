package org.kefu.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
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
        WebVisitor.Page signedIn = boss.agentSignIn("admin@test.kefu.local", "admin-password-123");
        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.location()).as("a redirect carries no model").doesNotContain("me=");
        WebVisitor.Page adminPage = boss.get("/tickets");
        assertThat(adminPage.status()).isEqualTo(200);
        assertThat(adminPage.body()).contains("class=\"main-nav\"").contains("href=\"/admin\"");

        WebVisitor web = signedInAgent("AGENT", createDepartment("导航"));
        WebVisitor.Page agentPage = web.get("/tickets");
        assertThat(agentPage.status()).isEqualTo(200);
        assertThat(agentPage.body()).contains("class=\"main-nav\"").doesNotContain("href=\"/admin\"");
    }
}
