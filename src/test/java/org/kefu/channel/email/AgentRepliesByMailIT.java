package org.kefu.channel.email;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kefu.support.Api;
import org.kefu.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Agent replies on mail tickets go out over SMTP (GreenMail), threaded, with their files; failures show on the ticket. */
class AgentRepliesByMailIT extends IntegrationTest {

    @Autowired
    OutboxDelivery delivery;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EmailOutbox outbox;

    private long mailbox(String from, int smtpPort) {
        Api.Response r = admin.post("/api/v1/channels/email/mailboxes", TestMailServer.mailbox(from, null, null, smtpPort));
        assertThat(r.status()).isEqualTo(201);
        return r.body().get("id").asLong();
    }

    /** A ticket as if the customer's mail with this Message-ID had come in through the mailbox. */
    private JsonNode mailTicket(String customer, long mailboxId, String customerMessageId) {
        JsonNode ticket = openTicket(admin, Map.of("subject", "Re: 订单 12345 未发货", "description", "请尽快处理",
                "channel", "EMAIL", "customer", Map.of("email", customer, "name", "王小明")));
        jdbc.sql("insert into email_message (id, message_id, direction, kind, ticket_id, mailbox_id, from_address,"
                        + " opened_ticket, created_at) values (nextval('email_message_seq'), ?, 'IN', 'PERSONAL', ?, ?, ?, true,"
                        + " current_timestamp)")
                .params(customerMessageId, ticket.get("id").asLong(), mailboxId, customer).update();
        return ticket;
    }

    @Test
    void aReplyReachesTheCustomerThreadedWithTheTicketNumberAndItsFile() throws Exception {
        String from = unique("support") + "@desk.example.com";
        long mailboxId = mailbox(from, TestMailServer.smtpPort());
        String customer = unique("wang") + "@example.com";
        JsonNode ticket = mailTicket(customer, mailboxId, "first." + unique("m") + "@mail.example.com");
        String number = ticket.get("number").asString();
        long id = ticket.get("id").asLong();

        Api.Response reply = admin.multipart("/api/v1/tickets/" + id + "/messages", Map.of("body", "您好，已为您加急处理。"),
                "attachments", List.of(new Api.FilePart("说明.txt", "text/plain", "快递单号 SF123".getBytes(StandardCharsets.UTF_8))),
                Map.of());
        assertThat(reply.status()).isEqualTo(201);
        delivery.deliverDue(Instant.now().plusSeconds(1), id);

        List<MimeMessage> received = TestMailServer.receivedBy(customer);
        assertThat(received).hasSize(1);
        MimeMessage mail = received.getFirst();
        String customerMessageId = jdbc.sql("select message_id from email_message where ticket_id = ? and direction = 'IN'")
                .param(id).query(String.class).single();
        assertThat(mail.getSubject()).isEqualTo("Re: 订单 12345 未发货 [#" + number + "]");
        assertThat(mail.getFrom()[0].toString()).contains(from);
        assertThat(mail.getMessageID()).matches("<" + number + "\\.\\d+\\.[0-9a-f]{16}@desk\\.example\\.com>");
        assertThat(mail.getHeader("In-Reply-To")[0]).isEqualTo("<" + customerMessageId + ">");
        assertThat(mail.getHeader("References")[0]).contains("<" + customerMessageId + ">");
        Multipart parts = (Multipart) mail.getContent();
        String text = null;
        String fileName = null;
        String fileText = null;
        for (int i = 0; i < parts.getCount(); i++) {
            Part part = parts.getBodyPart(i);
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                fileName = MimeUtility.decodeText(part.getFileName());
                fileText = new String(part.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } else {
                text = part.getContent().toString();
            }
        }
        assertThat(text).contains("已为您加急处理");
        assertThat(fileName).isEqualTo("说明.txt");
        assertThat(fileText).isEqualTo("快递单号 SF123");
        // the reply's id is recorded, so the customer's answer to it threads
        assertThat(jdbc.sql("select ticket_id from email_message where message_id = ?")
                .param(mail.getMessageID().substring(1, mail.getMessageID().length() - 1)).query(Long.class).single())
                .isEqualTo(id);

        // a second reply references the thread, including the first reply
        admin.post("/api/v1/tickets/" + id + "/messages", Map.of("body", "补充：预计明天送达。"));
        delivery.deliverDue(Instant.now().plusSeconds(1), id);
        List<MimeMessage> both = TestMailServer.receivedBy(customer);
        assertThat(both).hasSize(2);
        assertThat(both.get(1).getHeader("References")[0]).contains("<" + customerMessageId + ">").contains(mail.getMessageID());
    }

    @Test
    void whenSmtpIsDownTheReplyIsRetriedWithBackOffThenShownAsFailedOnTheTicket() {
        String from = unique("down") + "@desk.example.com";
        long mailboxId = mailbox(from, TestMailServer.closedPort());
        String customer = unique("li") + "@example.com";
        long id = mailTicket(customer, mailboxId, unique("m") + "@mail.example.com").get("id").asLong();
        admin.post("/api/v1/tickets/" + id + "/messages", Map.of("body", "我们已收到您的投诉。"));

        Instant t = Instant.now().plusSeconds(1).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        delivery.deliverDue(t, id);
        OutgoingMail afterFirst = outbox(id);
        assertThat(afterFirst.attempts()).isEqualTo(1);
        assertThat(afterFirst.status()).isEqualTo(OutgoingMail.Status.PENDING);
        assertThat(Duration.between(t, afterFirst.nextAttemptAt())).isEqualTo(Duration.ofMinutes(1));
        delivery.deliverDue(t.plusSeconds(30), id); // not due yet
        assertThat(outbox(id).attempts()).isEqualTo(1);
        delivery.deliverDue(t = t.plus(Duration.ofMinutes(1)), id);
        assertThat(Duration.between(t, outbox(id).nextAttemptAt())).isEqualTo(Duration.ofMinutes(2));
        assertThat(admin.get("/api/v1/tickets/" + id + "/timeline").raw()).doesNotContain("email.delivery.failed");
        for (int i = 0; i < 4; i++) {
            delivery.deliverDue(t = t.plus(Duration.ofHours(2)), id);
        }
        OutgoingMail failed = outbox(id);
        assertThat(failed.status()).isEqualTo(OutgoingMail.Status.FAILED);
        assertThat(failed.attempts()).isEqualTo(6);
        String timeline = admin.get("/api/v1/tickets/" + id + "/timeline").raw();
        assertThat(timeline).contains("email.delivery.failed").contains(customer).contains("WARNING");
        assertThat(TestMailServer.receivedBy(customer)).isEmpty();
    }

    private OutgoingMail outbox(long ticketId) {
        return outbox.ofTicket(ticketId).getFirst();
    }
}
