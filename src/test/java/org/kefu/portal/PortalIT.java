package org.kefu.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kefu.support.Api;
import org.kefu.support.IntegrationTest;
import org.kefu.support.Outbox;
import org.kefu.support.WebVisitor;
import org.kefu.support.WebVisitor.Page;

/** The customer portal over real HTTP: sign-in links, passwords, own tickets only, never internal notes. */
class PortalIT extends IntegrationTest {

    private String newCustomer(String name) {
        String email = unique("portal") + "@example.com";
        Api.Response r = admin.post("/api/v1/customers", Map.of("name", name, "emails", List.of(email)));
        assertThat(r.status()).isEqualTo(201);
        return email;
    }

    private long customerId(String email) {
        return admin.get("/api/v1/customers?email=" + Api.q(email)).body().get("items").get(0).get("id").asLong();
    }

    private WebVisitor signedIn(String email) {
        WebVisitor visitor = new WebVisitor(port);
        int before = Outbox.to(email).size();
        assertThat(visitor.post("/portal/link", Map.of("email", email)).redirectsTo("/portal/login?sent")).isTrue();
        String link = Outbox.awaitMail(email, before + 1).portalLinkPath();
        assertThat(visitor.get(link).redirectsTo("/portal/tickets")).isTrue();
        return visitor;
    }

    private long ticketFor(String email, String subject) {
        Api.Response r = admin.post("/api/v1/tickets", Map.of("subject", subject, "description", "客户的描述",
                "channel", "EMAIL", "customer", Map.of("email", email)));
        assertThat(r.status()).isEqualTo(201);
        return r.body().get("id").asLong();
    }

    @Test
    void aSignInLinkWorksOnceAndOnlyOnce() {
        String email = newCustomer("一次性链接");
        WebVisitor first = new WebVisitor(port);
        first.post("/portal/link", Map.of("email", email));
        Outbox.Mail mail = Outbox.awaitMail(email, 1);
        assertThat(mail.subject()).contains("登录链接");
        String link = mail.portalLinkPath();

        assertThat(first.get(link).redirectsTo("/portal/tickets")).isTrue();
        assertThat(first.get("/portal/tickets").status()).isEqualTo(200);

        Page again = new WebVisitor(port).get(link);
        assertThat(again.status()).isEqualTo(410);
        assertThat(again.body()).contains("data-reason=\"USED\"");

        Page unknown = new WebVisitor(port).get("/portal/auth?token=not-a-real-token");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).contains("data-reason=\"UNKNOWN\"");
    }

    @Test
    void aKnownAndAnUnknownAddressGetTheSameAnswerAndOnlyTheKnownOneGetsMail() throws Exception {
        String known = newCustomer("已登记");
        String unknown = unique("nobody") + "@example.com";
        Page forKnown = new WebVisitor(port).post("/portal/link", Map.of("email", known));
        Page forUnknown = new WebVisitor(port).post("/portal/link", Map.of("email", unknown));
        assertThat(forKnown.status()).isEqualTo(forUnknown.status()).isEqualTo(302);
        assertThat(forKnown.location()).isEqualTo(forUnknown.location());
        Outbox.awaitMail(known, 1);
        Thread.sleep(500);
        assertThat(Outbox.to(unknown)).isEmpty();
        assertThat(admin.get("/api/v1/customers?email=" + Api.q(unknown)).body().get("items")).isEmpty();
    }

    @Test
    void tooManyLinkRequestsForOneAddressAreRefusedWithoutSayingWhetherItIsKnown() {
        String unknown = unique("flood") + "@example.com";
        WebVisitor visitor = new WebVisitor(port);
        for (int i = 0; i < 5; i++) {
            assertThat(visitor.post("/portal/link", Map.of("email", unknown)).redirectsTo("/portal/login?sent")).isTrue();
        }
        assertThat(visitor.post("/portal/link", Map.of("email", unknown)).redirectsTo("/portal/login?tooMany")).isTrue();
    }

    @Test
    void pagesNeedACustomerSignIn() {
        WebVisitor stranger = new WebVisitor(port);
        assertThat(stranger.get("/portal/tickets").redirectsTo("/portal/login")).isTrue();
        Page login = stranger.get("/portal/login");
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.header("Content-Security-Policy")).contains("script-src 'self'").doesNotContain("unsafe-eval");
        assertThat(login.body()).contains("name=\"_csrf\"");
        assertThat(stranger.post("/portal/link", Map.of("email", "x@example.com", "_csrf", "forged")).status()).isEqualTo(403);
    }

    @Test
    void anAgentSessionIsNotACustomerAndACustomerSessionIsNotAnAgent() {
        WebVisitor agent = new WebVisitor(port);
        assertThat(agent.agentSignIn("admin@test.kefu.local", "admin-password-123").redirectsTo("/tickets")).isTrue();
        assertThat(agent.get("/portal/tickets").redirectsTo("/portal/login")).isTrue();

        WebVisitor customer = signedIn(newCustomer("不是坐席"));
        assertThat(customer.get("/account/password").redirectsTo("/login")).isTrue();
        assertThat(customer.get("/api/v1/tickets").status()).isEqualTo(401);
    }

    @Test
    void anotherCustomersTicketIsNotFound() {
        String alice = newCustomer("甲");
        String bob = newCustomer("乙");
        long bobsTicket = ticketFor(bob, "乙的工单 secret-subject");
        ticketFor(alice, "甲的工单");
        WebVisitor aliceBrowser = signedIn(alice);

        Page page = aliceBrowser.get("/portal/tickets/" + bobsTicket);
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.body()).doesNotContain("secret-subject");
        assertThat(aliceBrowser.get("/portal/tickets").body()).contains("甲的工单").doesNotContain("secret-subject");
        aliceBrowser.get("/portal/tickets");
        assertThat(aliceBrowser.post("/portal/tickets/" + bobsTicket + "/reply", Map.of("body", "hi")).status()).isEqualTo(404);
        assertThat(aliceBrowser.post("/portal/tickets/" + bobsTicket + "/reopen", Map.of()).status()).isEqualTo(404);
        assertThat(admin.get("/api/v1/tickets/" + bobsTicket + "/messages").raw()).doesNotContain("\"hi\"");
    }

    @Test
    void theCustomerSeesRepliesButNeverInternalNotesOrEvents() {
        String email = newCustomer("看不到备注");
        long ticket = ticketFor(email, "包裹丢失");
        admin.post("/api/v1/tickets/" + ticket + "/notes", Map.of("body", "INTERNAL-NOTE 客户可能在撒谎"));
        admin.post("/api/v1/tickets/" + ticket + "/messages", Map.of("body", "PUBLIC-REPLY 我们已联系快递"));
        admin.post("/api/v1/tickets/" + ticket + "/tags", Map.of("tags", List.of("secret-tag")));

        Page page = signedIn(email).get("/portal/tickets/" + ticket);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("PUBLIC-REPLY 我们已联系快递", "客户的描述")
                .doesNotContain("INTERNAL-NOTE", "secret-tag");
    }

    @Test
    void aCustomerSubmitsRepliesAndReopensAResolvedTicket() {
        String email = newCustomer("提交者");
        WebVisitor visitor = signedIn(email);
        visitor.get("/portal/tickets/new");
        Page created = visitor.post("/portal/tickets", Map.of("subject", "耳机有杂音", "description", "左耳有电流声",
                "complaintType", "PRODUCT_DEFECT", "orderRef", "SO-123", "demand", "换货"));
        assertThat(created.status()).isEqualTo(302);
        long id = Long.parseLong(created.location().replaceAll(".*/portal/tickets/(\\d+).*", "$1"));
        var ticket = admin.get("/api/v1/tickets/" + id).body();
        assertThat(ticket.get("channel").asString()).isEqualTo("WEB");
        assertThat(ticket.get("complaintType").asString()).isEqualTo("PRODUCT_DEFECT");
        assertThat(ticket.get("orderRef").asString()).isEqualTo("SO-123");
        assertThat(ticket.get("customer").get("id").asLong()).isEqualTo(customerId(email));

        visitor.get("/portal/tickets/" + id);
        assertThat(visitor.post("/portal/tickets/" + id + "/reply", Map.of("body", "补充：是蓝牙模式")).status()).isEqualTo(302);
        assertThat(admin.get("/api/v1/tickets/" + id + "/messages").raw()).contains("补充：是蓝牙模式");

        admin.put("/api/v1/tickets/" + id + "/status", Map.of("status", "RESOLVED"));
        visitor.get("/portal/tickets/" + id);
        assertThat(visitor.post("/portal/tickets/" + id + "/reopen", Map.of()).status()).isEqualTo(302);
        assertThat(admin.get("/api/v1/tickets/" + id).body().get("status").asString()).isEqualTo("REOPENED");
    }

    @Test
    void aClosedTicketCannotBeReopenedButGetsALinkedFollowUp() {
        String email = newCustomer("跟进");
        long closed = ticketFor(email, "旧问题");
        admin.put("/api/v1/tickets/" + closed + "/status", Map.of("status", "RESOLVED"));
        admin.put("/api/v1/tickets/" + closed + "/status", Map.of("status", "CLOSED"));
        WebVisitor visitor = signedIn(email);
        assertThat(visitor.get("/portal/tickets/" + closed).body()).contains("followUpOf=" + closed);
        assertThat(visitor.post("/portal/tickets/" + closed + "/reopen", Map.of()).status()).isEqualTo(409);

        visitor.get("/portal/tickets/new?followUpOf=" + closed);
        Page created = visitor.post("/portal/tickets", Map.of("subject", "旧问题又出现了", "description", "还是不行",
                "followUpOf", String.valueOf(closed)));
        assertThat(created.status()).isEqualTo(302);
        long followUp = Long.parseLong(created.location().replaceAll(".*/portal/tickets/(\\d+).*", "$1"));
        assertThat(admin.get("/api/v1/tickets/" + followUp + "/links").raw()).contains(String.valueOf(closed));
    }

    @Test
    void anInvalidFormComesBackWithEverythingTypedAndTheProblemsNamed() {
        WebVisitor visitor = signedIn(newCustomer("表单"));
        visitor.get("/portal/tickets/new");
        Page page = visitor.post("/portal/tickets", Map.of("subject", "", "description", "我写的描述<b>保留</b>",
                "orderRef", "SO-9", "demandDeadline", "2001-01-01", "demand", "退款"));
        assertThat(page.status()).isEqualTo(422);
        assertThat(page.body()).contains("我写的描述&lt;b&gt;保留&lt;/b&gt;", "value=\"SO-9\"", "此项为必填项", "期望日期需要晚于今天");
    }

    @Test
    void aFileSubmittedWithTheTicketIsSeenByTheAgentAndTheCustomer() {
        WebVisitor visitor = signedIn(newCustomer("附件"));
        visitor.get("/portal/tickets/new");
        Page created = visitor.postMultipart("/portal/tickets", Map.of("subject", "带附件", "description", "见附件"),
                "attachments", "发票照片.jpg", "not really a photo".getBytes(StandardCharsets.UTF_8));
        assertThat(created.status()).as(created.body()).isEqualTo(302);
        long id = Long.parseLong(created.location().replaceAll(".*/portal/tickets/(\\d+).*", "$1"));

        var files = admin.get("/api/v1/tickets/" + id + "/messages").body().get("items").get(0).get("attachments");
        assertThat(files).hasSize(1);
        assertThat(files.get(0).get("fileName").asString()).isEqualTo("发票照片.jpg");
        long fileId = files.get(0).get("id").asLong();
        WebVisitor agent = new WebVisitor(port);
        agent.agentSignIn("admin@test.kefu.local", "admin-password-123");
        assertThat(agent.get("/tickets/" + id + "/timeline").body()).contains("发票照片.jpg");

        String link = "/portal/tickets/" + id + "/attachments/" + fileId;
        assertThat(visitor.get("/portal/tickets/" + id).body()).contains("发票照片.jpg", "href=\"" + link + "\"");
        Page download = visitor.get(link);
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.body()).isEqualTo("not really a photo");
        assertThat(download.header("Content-Disposition")).startsWith("attachment;").contains("filename*=UTF-8''");
        assertThat(download.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(download.header("Content-Security-Policy")).isEqualTo("default-src 'none'; sandbox");

        Page replied = visitor.postMultipart("/portal/tickets/" + id + "/reply", Map.of("body", "再补一张"),
                "attachments", "第二张.png", "png?".getBytes(StandardCharsets.UTF_8));
        assertThat(replied.status()).isEqualTo(302);
        assertThat(admin.get("/api/v1/tickets/" + id + "/messages").body().get("items").get(1).get("attachments")
                .get(0).get("fileName").asString()).isEqualTo("第二张.png");
    }

    @Test
    void theCustomerGetsFilesOfRepliesButNeverOfNotesNorOfAnotherCustomersTicket() {
        String email = newCustomer("附件可见性");
        long ticket = ticketFor(email, "附件可见性");
        Api.Response note = admin.multipart("/api/v1/tickets/" + ticket + "/notes", Map.of("body", "内部附件"), "attachments",
                List.of(new Api.FilePart("internal-memo.txt", "text/plain", "INTERNAL".getBytes(StandardCharsets.UTF_8))),
                Map.of());
        assertThat(note.status()).as(note.raw()).isEqualTo(201);
        long noteFile = note.body().get("attachments").get(0).get("id").asLong();
        Api.Response reply = admin.multipart("/api/v1/tickets/" + ticket + "/messages", Map.of("body", "请查收"),
                "attachments", List.of(new Api.FilePart("退款单.txt", "text/plain", "REFUND".getBytes(StandardCharsets.UTF_8))),
                Map.of());
        assertThat(reply.status()).as(reply.raw()).isEqualTo(201);
        long replyFile = reply.body().get("attachments").get(0).get("id").asLong();

        WebVisitor customer = signedIn(email);
        assertThat(customer.get("/portal/tickets/" + ticket).body()).contains("退款单.txt").doesNotContain("internal-memo");
        assertThat(customer.get("/portal/tickets/" + ticket + "/attachments/" + replyFile).body()).isEqualTo("REFUND");
        Page noteDownload = customer.get("/portal/tickets/" + ticket + "/attachments/" + noteFile);
        assertThat(noteDownload.status()).isEqualTo(404);
        assertThat(noteDownload.body()).doesNotContain("INTERNAL");

        WebVisitor stranger = signedIn(newCustomer("别人"));
        Page foreign = stranger.get("/portal/tickets/" + ticket + "/attachments/" + replyFile);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.body()).doesNotContain("REFUND");
    }

    @Test
    void aFormThatComesBackAsksForTheFilesAgainAndOversizeFilesStoreNothing() {
        String email = newCustomer("附件重选");
        WebVisitor visitor = signedIn(email);
        visitor.get("/portal/tickets/new");
        Page invalid = visitor.postMultipart("/portal/tickets", Map.of("subject", "", "description", "见附件"),
                "attachments", "a.txt", "hello".getBytes(StandardCharsets.UTF_8));
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.body()).contains("请重新选择要上传的文件", "见附件");

        Page tooLarge = visitor.postMultipart("/portal/tickets", Map.of("subject", "超大", "description", "太大了"),
                "attachments", "big.bin", new byte[300 * 1024]);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.body()).contains("256 KB", "请重新选择要上传的文件", "value=\"超大\"");
        assertThat(admin.get("/api/v1/tickets?customerId=" + customerId(email)).body().get("items")).isEmpty();

        long ticket = ticketFor(email, "回复附件");
        Page reply = visitor.postMultipart("/portal/tickets/" + ticket + "/reply", Map.of("body", "附件太大"),
                "attachments", "big.bin", new byte[300 * 1024]);
        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.body()).contains("256 KB", "附件太大");
        assertThat(admin.get("/api/v1/tickets/" + ticket + "/messages").body().get("items")).hasSize(1);
    }

    @Test
    void withoutAnAccountTheFormCreatesCustomerAndTicketAndMailsALinkToFollowIt() {
        String email = unique("walkin") + "@example.com";
        WebVisitor visitor = new WebVisitor(port);
        visitor.get("/portal/new");
        Page page = visitor.post("/portal/new", Map.of("email", email, "name", "路人甲", "subject", "网页表单提交",
                "description", "第一次联系"));
        assertThat(page.redirectsTo("/portal/submitted")).isTrue();
        Outbox.Mail mail = Outbox.awaitMail(email, 1);
        assertThat(mail.body()).contains("路人甲");
        assertThat(visitor.get(mail.portalLinkPath()).redirectsTo("/portal/tickets")).isTrue();
        assertThat(visitor.get("/portal/tickets").body()).contains("网页表单提交");
    }

    @Test
    void ticketsWithoutAnAccountAreLimitedPerEmailAndTheFormKeepsWhatWasTyped() {
        String email = unique("spam") + "@example.com";
        WebVisitor visitor = new WebVisitor(port);
        visitor.get("/portal/new");
        for (int i = 0; i < 5; i++) {
            assertThat(visitor.post("/portal/new", Map.of("email", email, "subject", "第" + i + "次", "description", "内容"))
                    .redirectsTo("/portal/submitted")).isTrue();
        }
        Page refused = visitor.post("/portal/new", Map.of("email", email, "subject", "第六次", "description", "内容"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("提交得太频繁", "value=\"第六次\"");
    }

    @Test
    void aCustomerSetsAPasswordSignsInWithItAndIsLockedOutAfterFiveWrongTries() {
        String email = newCustomer("密码");
        WebVisitor visitor = signedIn(email);
        visitor.get("/portal/account");
        assertThat(visitor.post("/portal/account/password", Map.of("password", "short", "confirm", "short")).status())
                .isEqualTo(422);
        assertThat(visitor.post("/portal/account/password", Map.of("password", "customer-pass-1", "confirm", "customer-pass-1"))
                .redirectsTo("/portal/account?saved")).isTrue();

        WebVisitor fresh = new WebVisitor(port);
        assertThat(fresh.post("/portal/login", Map.of("email", email, "password", "customer-pass-1"))
                .redirectsTo("/portal/tickets")).isTrue();

        WebVisitor attacker = new WebVisitor(port);
        for (int i = 0; i < 5; i++) {
            assertThat(attacker.post("/portal/login", Map.of("email", email, "password", "wrong-" + i)).status()).isEqualTo(401);
        }
        Page locked = attacker.post("/portal/login", Map.of("email", email, "password", "customer-pass-1"));
        assertThat(locked.status()).isEqualTo(401);
        Page unknown = new WebVisitor(port).post("/portal/login", Map.of("email", unique("x") + "@example.com", "password", "whatever-123"));
        assertThat(unknown.status()).isEqualTo(401);

        signedIn(email); // a link proves the mailbox and lifts the lock
        assertThat(new WebVisitor(port).post("/portal/login", Map.of("email", email, "password", "customer-pass-1"))
                .redirectsTo("/portal/tickets")).isTrue();
    }

    @Test
    void signingOutEndsThePortalSessionOnly() {
        WebVisitor visitor = signedIn(newCustomer("退出"));
        visitor.get("/portal/tickets");
        assertThat(visitor.post("/portal/logout", Map.of()).redirectsTo("/portal/login?signedOut")).isTrue();
        assertThat(visitor.get("/portal/tickets").redirectsTo("/portal/login")).isTrue();
    }

    @Test
    void anAgentSendsACustomerAPortalLinkThroughTheApi() {
        String email = newCustomer("坐席发送");
        long id = customerId(email);
        Api agent = agentIn("AGENT", List.of(), List.of());
        Api.Response sent = agent.post("/api/v1/customers/" + id + "/portal-link?lang=en", Map.of());
        assertThat(sent.status()).isEqualTo(202);
        assertThat(sent.body().get("sentTo").asString()).isEqualTo(email);
        Outbox.Mail mail = Outbox.awaitMail(email, 1);
        assertThat(mail.subject()).isEqualTo("Your sign-in link to the help center");
        assertThat(new WebVisitor(port).get(mail.portalLinkPath()).redirectsTo("/portal/tickets")).isTrue();

        assertThat(agent.post("/api/v1/customers/99999999/portal-link", Map.of()).status()).isEqualTo(404);
        long noEmail = admin.post("/api/v1/customers", Map.of("name", "没有邮箱")).body().get("id").asLong();
        Api.Response refused = agent.post("/api/v1/customers/" + noEmail + "/portal-link", Map.of());
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.contentType()).contains("application/problem+json");
        assertThat(new Api(port, null).post("/api/v1/customers/" + id + "/portal-link", Map.of()).status()).isEqualTo(401);
    }
}
