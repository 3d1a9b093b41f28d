package org.kefu.channel.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kefu.support.Api;
import org.kefu.support.IntegrationTest;
import org.kefu.support.WebVisitor;
import tools.jackson.databind.JsonNode;

/** Routing rules by mailbox: each email ticket records the mailbox it came in through, and a rule can send one mailbox's mail to a team. */
class MailboxRoutingIT extends IntegrationTest {

    private long mailbox(String from) {
        Api.Response r = admin.post("/api/v1/channels/email/mailboxes", TestMailServer.mailbox(from, null, null,
                TestMailServer.smtpPort()));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.body().get("id").asLong();
    }

    private long team() {
        Api.Response d = admin.post("/api/v1/departments", Map.of("code", unique("mr"), "name", unique("售后部")));
        assertThat(d.status()).as(d.raw()).isEqualTo(201);
        Api.Response t = admin.post("/api/v1/teams", Map.of("name", unique("售后团队"), "departmentId",
                d.body().get("id").asLong()));
        assertThat(t.status()).as(t.raw()).isEqualTo(201);
        return t.body().get("id").asLong();
    }

    private Map<String, Object> rule(String channel, String source, long teamId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", unique("邮箱规则"));
        body.put("position", 5);
        body.put("channel", channel);
        body.put("source", source);
        body.put("teamId", teamId);
        return body;
    }

    private JsonNode mailTo(String desk, long mailboxId) throws Exception {
        byte[] raw = new TestMails.Mail(unique("cust") + "@example.com", "赵六", desk, "退货申请", "我想退货。")
                .id(unique("r") + "@mail.example.com").raw();
        TestMails.Posted posted = TestMails.post(port, ADMIN_TOKEN, raw, mailboxId, "message/rfc822");
        assertThat(posted.status()).as(posted.raw()).isEqualTo(201);
        return admin.get("/api/v1/tickets/" + posted.body().get("ticketId").asLong()).body();
    }

    @Test
    void aRuleSendsTheMailOfMailboxBToTeamXAndLeavesMailboxAAlone() throws Exception {
        String deskA = unique("sales") + "@desk.example.com";
        String deskB = unique("returns") + "@desk.example.com";
        long a = mailbox(deskA);
        long b = mailbox(deskB);
        long teamX = team();

        JsonNode sources = admin.get("/api/v1/routing/sources").body();
        assertThat(sources.toString()).contains("\"source\":\"" + a + "\"").contains("\"source\":\"" + b + "\"")
                .contains(deskB);

        Api.Response created = admin.post("/api/v1/routing/rules", rule("EMAIL", String.valueOf(b), teamX));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        assertThat(created.body().get("source").asString()).isEqualTo(String.valueOf(b));
        try {
            JsonNode fromB = mailTo(deskB, b);
            assertThat(fromB.get("teamId").asLong()).isEqualTo(teamX);
            assertThat(fromB.get("source").asString()).isEqualTo(String.valueOf(b));
            JsonNode fromA = mailTo(deskA, a);
            assertThat(fromA.get("source").asString()).isEqualTo(String.valueOf(a));
            assertThat(fromA.get("teamId").isNull()).isTrue();

            // the admin page names the mailbox on the rule and offers both mailboxes in the form
            WebVisitor web = new WebVisitor(port);
            web.agentSignIn("admin@test.kefu.local", "admin-password-123");
            String page = web.get("/admin/routing").body();
            assertThat(page).contains("EMAIL:" + a).contains("EMAIL:" + b).contains(deskB);
        } finally {
            admin.delete("/api/v1/routing/rules/" + created.body().get("id").asLong());
        }
    }

    @Test
    void aSourceNeedsItsChannelAndMustExist() {
        long teamX = team();
        Api.Response noChannel = admin.post("/api/v1/routing/rules", rule(null, "1", teamX));
        assertThat(noChannel.status()).isEqualTo(400);
        assertThat(noChannel.raw()).contains("source");
        Api.Response unknown = admin.post("/api/v1/routing/rules", rule("EMAIL", "987654321", teamX));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.raw()).contains("source").contains("987654321");
    }

    @Test
    void onTheAdminPageChoosingAMailboxSetsTheChannelAndAConflictingChannelIsNamed() throws Exception {
        String desk = unique("page") + "@desk.example.com";
        long box = mailbox(desk);
        long teamX = team();
        org.kefu.support.FormBrowser browser = new org.kefu.support.FormBrowser(port)
                .signIn("admin@test.kefu.local", "admin-password-123");
        String name = unique("页面邮箱规则");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", name);
        form.put("position", "7");
        form.put("active", "true");
        form.put("channel", "CHAT");
        form.put("source", "EMAIL:" + box);
        form.put("teamId", Long.toString(teamX));
        java.net.http.HttpResponse<String> conflict = browser.post("/admin/routing/rules", "/admin/routing", form);
        assertThat(conflict.body()).contains("请检查以下内容").contains("source");

        form.put("channel", "");
        java.net.http.HttpResponse<String> created = browser.post("/admin/routing/rules", "/admin/routing", form);
        assertThat(created.body()).contains("已保存").contains(desk);
        JsonNode rule = null;
        for (JsonNode r : admin.get("/api/v1/routing/rules").body()) {
            if (r.get("name").asString().equals(name)) {
                rule = r;
            }
        }
        assertThat(rule).isNotNull();
        try {
            assertThat(rule.get("channel").asString()).isEqualTo("EMAIL");
            assertThat(rule.get("source").asString()).isEqualTo(String.valueOf(box));
            assertThat(browser.get("/admin/routing/rules/" + rule.get("id").asLong()).body())
                    .containsPattern("value=\"EMAIL:" + box + "\"\\s+selected");
        } finally {
            admin.delete("/api/v1/routing/rules/" + rule.get("id").asLong());
        }
    }
}
