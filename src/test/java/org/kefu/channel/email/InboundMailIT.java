package org.kefu.channel.email;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kefu.support.Api;
import org.kefu.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Mail piped in over POST /api/v1/channels/email/inbound: tickets, threads, duplicates, loops and bounces. */
class InboundMailIT extends IntegrationTest {

    private static final String RFC822 = "message/rfc822";

    @Autowired
    OutboxDelivery delivery;

    @Autowired
    EmailOutbox outbox;

    private long mailbox(String from) {
        Api.Response r = admin.post("/api/v1/channels/email/mailboxes", TestMailServer.mailbox(from, null, null,
                TestMailServer.smtpPort()));
        assertThat(r.status()).isEqualTo(201);
        return r.body().get("id").asLong();
    }

    private TestMails.Posted post(byte[] raw, Long mailboxId) {
        return TestMails.post(port, ADMIN_TOKEN, raw, mailboxId, RFC822);
    }

    private List<JsonNode> customerMessages(long ticketId) {
        JsonNode items = admin.get("/api/v1/tickets/" + ticketId + "/timeline?kind=CUSTOMER_MESSAGE").body().get("items");
        List<JsonNode> list = new java.util.ArrayList<>();
        items.forEach(list::add);
        return list;
    }

    @Test
    void theSameMailPostedTwiceBecomesOneTicketWithOneMessage() throws Exception {
        String from = unique("zhang") + "@example.com";
        byte[] raw = new TestMails.Mail(from, "张三", "support@desk.example.com", "发票开错了", "发票抬头写错了，请重开。")
                .id(unique("m") + "@mail.example.com").raw();
        TestMails.Posted first = post(raw, null);
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.body().get("outcome").asString()).isEqualTo("CREATED");
        long ticketId = first.body().get("ticketId").asLong();
        TestMails.Posted second = post(raw, null);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body().get("outcome").asString()).isEqualTo("DUPLICATE");
        assertThat(second.body().get("ticketId").asLong()).isEqualTo(ticketId);
        assertThat(customerMessages(ticketId)).hasSize(1);
        JsonNode ticket = admin.get("/api/v1/tickets/" + ticketId).body();
        assertThat(ticket.get("subject").asString()).isEqualTo("发票开错了");
        assertThat(ticket.get("channel").asString()).isEqualTo("EMAIL");
        assertThat(first.body().get("ticketNumber").asString()).isEqualTo(ticket.get("number").asString());
    }

    @Test
    void aPersonsNewMailIsAcknowledgedAndTheirRepliesThreadByHeadersAndByNumber() throws Exception {
        String desk = unique("support") + "@desk.example.com";
        long mailboxId = mailbox(desk);
        String customer = unique("chen") + "@example.com";
        String firstId = unique("first") + "@mail.example.com";
        TestMails.Posted opened = post(new TestMails.Mail(customer, "陈女士", desk, "洗衣机漏水", "新买的洗衣机漏水，要求换货。")
                .id(firstId).raw(), mailboxId);
        assertThat(opened.status()).isEqualTo(201);
        long ticketId = opened.body().get("ticketId").asLong();
        String number = opened.body().get("ticketNumber").asString();

        // the acknowledgement goes out through the mailbox, threaded to the customer's mail
        delivery.deliverDue(Instant.now().plusSeconds(1), ticketId);
        List<MimeMessage> acks = TestMailServer.receivedBy(customer);
        assertThat(acks).hasSize(1);
        assertThat(acks.getFirst().getSubject()).contains("[#" + number + "]");
        assertThat(acks.getFirst().getHeader("In-Reply-To")[0]).isEqualTo("<" + firstId + ">");
        assertThat(acks.getFirst().getHeader("Auto-Submitted")[0]).isEqualTo("auto-replied");

        // an agent replies; the customer answers that reply (In-Reply-To its Message-ID)
        admin.post("/api/v1/tickets/" + ticketId + "/messages", Map.of("body", "请提供购买凭证。"));
        delivery.deliverDue(Instant.now().plusSeconds(1), ticketId);
        MimeMessage reply = TestMailServer.receivedBy(customer).get(1);
        String replyId = reply.getMessageID().substring(1, reply.getMessageID().length() - 1);
        TestMails.Posted answer = post(new TestMails.Mail(customer, "陈女士", desk, "Re: 洗衣机漏水 [#" + number + "]",
                "凭证见附件。").id(unique("a") + "@mail.example.com").header("In-Reply-To", "<" + replyId + ">")
                .file("购买凭证.txt", "订单号 8899".getBytes(java.nio.charset.StandardCharsets.UTF_8)).raw(), mailboxId);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().get("outcome").asString()).isEqualTo("APPENDED");
        assertThat(answer.body().get("ticketId").asLong()).isEqualTo(ticketId);

        // a mail client that drops the headers: the number in the subject still threads it
        TestMails.Posted byNumber = post(new TestMails.Mail(customer, "陈女士", desk, "补充说明 [#" + number + "]",
                "还有一个问题。").id(unique("b") + "@mail.example.com").raw(), mailboxId);
        assertThat(byNumber.body().get("outcome").asString()).isEqualTo("APPENDED");
        assertThat(byNumber.body().get("ticketId").asLong()).isEqualTo(ticketId);

        // someone else quoting the number does not get into the customer's ticket
        TestMails.Posted stranger = post(new TestMails.Mail(unique("x") + "@example.com", "路人", desk,
                "关于 [#" + number + "]", "我也有问题。").id(unique("c") + "@mail.example.com").raw(), mailboxId);
        assertThat(stranger.body().get("outcome").asString()).isEqualTo("CREATED");
        assertThat(stranger.body().get("ticketId").asLong()).isNotEqualTo(ticketId);

        List<JsonNode> messages = customerMessages(ticketId);
        assertThat(messages).hasSize(3);
        assertThat(messages.get(1).get("body").asString()).contains("凭证见附件");
        assertThat(messages.get(1).get("attachments").get(0).get("fileName").asString()).isEqualTo("购买凭证.txt");
        // only the new ticket was acknowledged, never the follow-ups
        assertThat(outbox.ofTicket(ticketId).stream().filter(m -> m.purpose() == OutgoingMail.Purpose.ACK)).hasSize(1);
    }

    @Test
    void autoRepliesGetNoAcknowledgementAndOpenAtMostOneTicketPerSender() throws Exception {
        String desk = unique("support") + "@desk.example.com";
        long mailboxId = mailbox(desk);
        String robot = unique("ooo") + "@example.com";
        TestMails.Posted first = post(new TestMails.Mail(robot, "自动回复", desk, "自动回复：我正在休假", "我将于下周回来。")
                .id(unique("o1") + "@example.com").header("Auto-Submitted", "auto-replied").raw(), mailboxId);
        TestMails.Posted second = post(new TestMails.Mail(robot, "自动回复", desk, "自动回复：我正在休假", "我将于下周回来。")
                .id(unique("o2") + "@example.com").header("Auto-Submitted", "auto-replied").raw(), mailboxId);
        assertThat(first.body().get("outcome").asString()).isEqualTo("CREATED");
        assertThat(second.body().get("outcome").asString()).isEqualTo("APPENDED");
        long ticketId = first.body().get("ticketId").asLong();
        assertThat(second.body().get("ticketId").asLong()).isEqualTo(ticketId);
        assertThat(outbox.ofTicket(ticketId)).isEmpty();
        delivery.deliverDue(Instant.now().plusSeconds(1), ticketId);
        assertThat(TestMailServer.receivedBy(robot)).isEmpty();
    }

    @Test
    void aBounceOfOurReplyIsFlaggedOnItsTicketAndOpensNothing() throws Exception {
        String desk = unique("support") + "@desk.example.com";
        long mailboxId = mailbox(desk);
        String customer = unique("gone") + "@example.com";
        TestMails.Posted opened = post(new TestMails.Mail(customer, "赵六", desk, "退款进度", "退款到哪一步了？")
                .id(unique("r") + "@mail.example.com").raw(), mailboxId);
        long ticketId = opened.body().get("ticketId").asLong();
        admin.post("/api/v1/tickets/" + ticketId + "/messages", Map.of("body", "退款已经提交。"));
        String replyId = outbox.ofTicket(ticketId).stream().filter(m -> m.purpose() == OutgoingMail.Purpose.REPLY)
                .findFirst().orElseThrow().messageId();

        TestMails.Posted bounce = post(TestMails.bounce(desk, replyId, customer), mailboxId);
        assertThat(bounce.status()).isEqualTo(200);
        assertThat(bounce.body().get("outcome").asString()).isEqualTo("BOUNCE");
        assertThat(bounce.body().get("ticketId").asLong()).isEqualTo(ticketId);
        String timeline = admin.get("/api/v1/tickets/" + ticketId + "/timeline").raw();
        assertThat(timeline).contains("email.bounced").contains(customer).contains("WARNING");
        assertThat(customerMessages(ticketId)).hasSize(1);

        TestMails.Posted unknown = post(TestMails.bounce(desk, "never-sent@desk.example.com", customer), mailboxId);
        assertThat(unknown.body().get("outcome").asString()).isEqualTo("BOUNCE");
        assertThat(unknown.body().get("ticketId").isNull()).isTrue();
    }

    @Test
    void anAttachmentOverTheLimitIsDroppedWithANoticeAndTheMailStillBecomesATicket() throws Exception {
        byte[] big = new byte[300 * 1024]; // over kefu.attachments.max-bytes=256KB of the tests
        new java.util.Random(7).nextBytes(big);
        TestMails.Posted posted = post(new TestMails.Mail(unique("big") + "@example.com", "孙七", "support@desk.example.com",
                "视频证据", "视频在附件里。").id(unique("v") + "@mail.example.com").file("现场视频.mp4", big)
                .file("小票.txt", "小票".getBytes(java.nio.charset.StandardCharsets.UTF_8)).raw(), null);
        assertThat(posted.status()).isEqualTo(201);
        long ticketId = posted.body().get("ticketId").asLong();
        List<JsonNode> messages = customerMessages(ticketId);
        assertThat(messages.getFirst().get("attachments")).hasSize(1);
        assertThat(messages.getFirst().get("attachments").get(0).get("fileName").asString()).isEqualTo("小票.txt");
        String timeline = admin.get("/api/v1/tickets/" + ticketId + "/timeline").raw();
        assertThat(timeline).contains("email.attachments.dropped").contains("现场视频.mp4");
    }

    @Test
    void theInboundApiRefusesWhatItCannotTake() throws Exception {
        byte[] raw = new TestMails.Mail(unique("t") + "@example.com", "T", "support@desk.example.com", "s", "t").raw();
        assertThat(TestMails.post(port, ADMIN_TOKEN, raw, null, "application/json").status()).isEqualTo(415);
        assertThat(TestMails.post(port, ADMIN_TOKEN, new byte[0], null, RFC822).status()).isEqualTo(400);
        assertThat(TestMails.post(port, ADMIN_TOKEN, raw, 987654321L, RFC822).status()).isEqualTo(400);
        byte[] huge = new byte[1024 * 1024 + 10]; // over kefu.email.inbound.max-bytes=1MB of the tests
        TestMails.Posted tooLarge = TestMails.post(port, ADMIN_TOKEN, huge, null, "application/octet-stream");
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.raw()).contains("maxBytes");
        long department = createDepartment("邮件");
        String agentToken = admin.post("/api/v1/api-tokens", Map.of("name", "mta", "agentId",
                admin.post("/api/v1/agents", Map.of("email", unique("mta") + "@test.kefu.local", "displayName", "MTA",
                        "role", "AGENT", "departmentIds", List.of(department), "teamIds", List.of())).body().get("id").asLong()))
                .body().get("secret").asString();
        assertThat(TestMails.post(port, agentToken, raw, null, RFC822).status()).isEqualTo(403);
    }
}
