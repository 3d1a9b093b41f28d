package org.kefu.channel.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kefu.support.Api;
import org.kefu.support.IntegrationTest;
import org.kefu.support.WebVisitor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class MailboxAdminIT extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    private Map<String, Object> mailbox(String name) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("fromAddress", unique("support") + "@example.com");
        m.put("imapHost", "imap.example.com");
        m.put("imapUser", "support");
        m.put("imapPassword", "imap-secret-密码");
        m.put("smtpHost", "smtp.example.com");
        m.put("smtpPort", 587);
        m.put("smtpSecurity", "STARTTLS");
        m.put("smtpUser", "support");
        m.put("smtpPassword", "smtp-secret");
        return m;
    }

    @Test
    void passwordsAreStoredEncryptedAndNeverReturned() {
        Api.Response created = admin.post("/api/v1/channels/email/mailboxes", mailbox("售后邮箱"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.raw()).doesNotContain("imap-secret").doesNotContain("smtp-secret");
        assertThat(created.body().get("imap").get("passwordSet").asBoolean()).isTrue();
        assertThat(created.body().get("imap").get("port").asInt()).isEqualTo(993);
        assertThat(created.body().get("smtp").get("security").asString()).isEqualTo("STARTTLS");
        long id = created.body().get("id").asLong();
        String stored = jdbc.sql("select imap_password from email_mailbox where id = ?").param(id).query(String.class).single();
        assertThat(stored).startsWith("v1:").doesNotContain("imap-secret");

        Map<String, Object> change = mailbox("售后邮箱 2");
        change.remove("imapPassword");
        change.put("smtpPassword", "");
        change.put("version", created.body().get("version").asLong());
        Api.Response changed = admin.put("/api/v1/channels/email/mailboxes/" + id, change);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.body().get("name").asString()).isEqualTo("售后邮箱 2");
        assertThat(changed.body().get("imap").get("passwordSet").asBoolean()).isTrue();
        assertThat(changed.body().get("smtp").get("passwordSet").asBoolean()).isTrue();
        assertThat(jdbc.sql("select imap_password from email_mailbox where id = ?").param(id).query(String.class).single())
                .isEqualTo(stored);

        Api.Response stale = admin.put("/api/v1/channels/email/mailboxes/" + id, change);
        assertThat(stale.status()).isEqualTo(409);

        assertThat(admin.get("/api/v1/channels/email/mailboxes").raw()).doesNotContain("secret");
        assertThat(admin.delete("/api/v1/channels/email/mailboxes/" + id).status()).isEqualTo(204);
        assertThat(admin.get("/api/v1/channels/email/mailboxes/" + id).status()).isEqualTo(404);
    }

    @Test
    void badSettingsAreRefusedNamingTheField() {
        Map<String, Object> bad = mailbox("x");
        bad.put("fromAddress", "not-an-address");
        bad.put("imapPort", 70000);
        bad.put("pollIntervalSeconds", 1);
        Api.Response r = admin.post("/api/v1/channels/email/mailboxes", bad);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.raw()).contains("fromAddress").contains("imapPort").contains("pollIntervalSeconds");
    }

    @Test
    void onlyAdminsManageMailboxes() {
        long department = createDepartment("邮件部");
        Api supervisor = agentIn("SUPERVISOR", List.of(department), List.of());
        assertThat(supervisor.get("/api/v1/channels/email/mailboxes").status()).isEqualTo(403);
        assertThat(supervisor.post("/api/v1/channels/email/mailboxes", mailbox("x")).status()).isEqualTo(403);
    }

    @Test
    void thePageShowsMailboxesEscapedAndNeverTheirPasswords() {
        Api.Response created = admin.post("/api/v1/channels/email/mailboxes",
                mailbox("<script>window.__kefuXss=true</script>"));
        long id = created.body().get("id").asLong();
        WebVisitor web = new WebVisitor(port);
        assertThat(web.agentSignIn("admin@test.kefu.local", "admin-password-123").status()).isEqualTo(302);
        WebVisitor.Page list = web.get("/admin/mailboxes");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("&lt;script&gt;window.__kefuXss=true&lt;/script&gt;")
                .doesNotContain("<script>window.__kefuXss");
        WebVisitor.Page form = web.get("/admin/mailboxes/" + id);
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).doesNotContain("imap-secret").doesNotContain("smtp-secret").contains("imap.example.com");

        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", "改名邮箱");
        fields.put("fromAddress", "renamed@example.com");
        fields.put("imapHost", "imap.example.com");
        fields.put("imapPort", "993");
        fields.put("imapSecurity", "SSL");
        fields.put("imapPassword", "");
        fields.put("smtpHost", "");
        fields.put("pollIntervalSeconds", "120");
        fields.put("active", "on");
        WebVisitor.Page saved = web.post("/admin/mailboxes/" + id, fields);
        assertThat(saved.redirectsTo("/admin/mailboxes/" + id)).isTrue();
        Api.Response after = admin.get("/api/v1/channels/email/mailboxes/" + id);
        assertThat(after.body().get("name").asString()).isEqualTo("改名邮箱");
        assertThat(after.body().get("imap").get("passwordSet").asBoolean()).isTrue();
        assertThat(after.body().get("acknowledge").asBoolean()).isFalse();
        assertThat(after.body().get("pollIntervalSeconds").asInt()).isEqualTo(120);

        fields.put("pollIntervalSeconds", "often");
        WebVisitor.Page invalid = web.post("/admin/mailboxes/" + id, fields);
        assertThat(invalid.status()).isEqualTo(200);
        assertThat(invalid.body()).contains("pollIntervalSeconds-error").contains("改名邮箱");
    }

    @Test
    void testingTheConnectionSignsInToBothServersAndNamesWhatFailed() {
        String address = unique("check") + "@desk.example.com";
        String login = unique("login");
        TestMailServer.GREEN.setUser(address, login, "right-password");
        Map<String, Object> good = TestMailServer.mailbox(address, login, "right-password", TestMailServer.smtpPort());
        long id = admin.post("/api/v1/channels/email/mailboxes", good).body().get("id").asLong();
        Api.Response ok = admin.post("/api/v1/channels/email/mailboxes/" + id + "/test", Map.of());
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.body().get("imapProblem").isNull()).isTrue();
        assertThat(ok.body().get("smtpProblem").isNull()).isTrue();

        Map<String, Object> bad = TestMailServer.mailbox(unique("bad") + "@desk.example.com", login, "wrong-password",
                TestMailServer.closedPort());
        long badId = admin.post("/api/v1/channels/email/mailboxes", bad).body().get("id").asLong();
        Api.Response failed = admin.post("/api/v1/channels/email/mailboxes/" + badId + "/test", Map.of());
        assertThat(failed.body().get("imapProblem").asString()).isNotBlank();
        assertThat(failed.body().get("smtpProblem").asString()).isNotBlank();
        admin.delete("/api/v1/channels/email/mailboxes/" + id);
        admin.delete("/api/v1/channels/email/mailboxes/" + badId);
    }
}
