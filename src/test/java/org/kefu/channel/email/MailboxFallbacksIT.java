package org.kefu.channel.email;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.kefu.support.Api;
import org.kefu.support.IntegrationTest;
import org.kefu.ticket.TicketAttachments;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import tools.jackson.databind.JsonNode;

/**
 * The mailbox options around the main path: mail moved to a "processed" folder after import; a reply
 * on a ticket whose mailbox was deleted or cannot send goes through the desk's system SMTP settings,
 * and fails visibly on the ticket when there are none (the tests configure no spring.mail.host).
 */
class MailboxFallbacksIT extends IntegrationTest {

    @Autowired
    ImapPoller poller;

    @Autowired
    Mailboxes mailboxes;

    @Autowired
    ManagingMailboxes managing;

    @Autowired
    MailConnections connections;

    @Autowired
    TicketAttachments attachments;

    @Autowired
    OutboxDelivery delivery;

    @Autowired
    EmailOutbox outbox;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aMailIsMovedToTheProcessedFolderOnlyAfterItBecameATicket() throws Exception {
        String address = unique("moved") + "@desk.example.com";
        String login = unique("moved-login");
        TestMailServer.GREEN.setUser(address, login, "move-pw-1");
        Map<String, Object> settings = TestMailServer.mailbox(address, login, "move-pw-1", TestMailServer.smtpPort());
        settings.put("processedFolder", "已处理");
        Api.Response r = admin.post("/api/v1/channels/email/mailboxes", settings);
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        assertThat(r.body().get("processedFolder").asString()).isEqualTo("已处理");
        long id = r.body().get("id").asLong();
        String messageId = unique("mv") + "@mail.example.com";
        TestMailServer.GREEN.getUserManager().getUserByEmail(address).deliver(new TestMails.Mail(
                unique("c") + "@example.com", "周八", address, "换货", "尺码不对，想换货。").id(messageId).message());

        assertThat(poller.poll(mailboxes.find(id).orElseThrow())).isEqualTo(1);

        assertThat(jdbc.sql("select ticket_id from email_message where message_id = ?").param(messageId)
                .query(Long.class).optional()).isPresent();
        Properties p = new Properties();
        p.put("mail.imap.peek", "true");
        try (Store store = Session.getInstance(p).getStore("imap")) {
            store.connect("127.0.0.1", TestMailServer.imapPort(), login, "move-pw-1");
            try (Folder inbox = store.getFolder("INBOX")) {
                inbox.open(Folder.READ_ONLY);
                assertThat(inbox.getMessageCount()).isZero();
            }
            try (Folder processed = store.getFolder("已处理")) {
                processed.open(Folder.READ_ONLY);
                Message[] moved = processed.getMessages();
                assertThat(moved).hasSize(1);
                assertThat(moved[0].getHeader("Message-ID")[0]).contains(messageId);
                assertThat(moved[0].isSet(Flags.Flag.SEEN)).isTrue();
            }
        }
    }

    /** A ticket as if the customer's mail had come in through the mailbox. */
    private long mailTicket(String customer, long mailboxId) {
        JsonNode ticket = openTicket(admin, Map.of("subject", "退款进度", "description", "退款什么时候到账？",
                "channel", "EMAIL", "customer", Map.of("email", customer, "name", "吴九")));
        jdbc.sql("insert into email_message (id, message_id, direction, kind, ticket_id, mailbox_id, from_address,"
                        + " opened_ticket, created_at) values (nextval('email_message_seq'), ?, 'IN', 'PERSONAL', ?, ?, ?, true,"
                        + " current_timestamp)")
                .params(unique("in") + "@mail.example.com", ticket.get("id").asLong(), mailboxId, customer).update();
        return ticket.get("id").asLong();
    }

    private long mailbox(String from) {
        Api.Response r = admin.post("/api/v1/channels/email/mailboxes", TestMailServer.mailbox(from, null, null,
                TestMailServer.smtpPort()));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.body().get("id").asLong();
    }

    @Test
    void aReplyWhoseMailboxWasDeletedFailsAtOnceOnTheTicketWhenTheDeskHasNoSmtp() {
        long mailboxId = mailbox(unique("gone") + "@desk.example.com");
        String customer = unique("wu") + "@example.com";
        long ticketId = mailTicket(customer, mailboxId);
        assertThat(admin.delete("/api/v1/channels/email/mailboxes/" + mailboxId).status()).isEqualTo(204);

        Api.Response reply = admin.post("/api/v1/tickets/" + ticketId + "/messages", Map.of("body", "退款已在处理中。"));
        assertThat(reply.status()).as(reply.raw()).isEqualTo(201);
        OutgoingMail queued = outbox.ofTicket(ticketId).getFirst();
        assertThat(queued.mailboxId()).as("not some other brand's mailbox").isNull();

        delivery.deliverDue(Instant.now().plusSeconds(1), ticketId);

        OutgoingMail failed = outbox.ofTicket(ticketId).getFirst();
        assertThat(failed.status()).isEqualTo(OutgoingMail.Status.FAILED);
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.lastError()).contains("spring.mail.host");
        String timeline = admin.get("/api/v1/tickets/" + ticketId + "/timeline").raw();
        assertThat(timeline).contains("email.delivery.failed").contains(customer).contains("WARNING");
        assertThat(TestMailServer.receivedBy(customer)).isEmpty();
    }

    @Test
    void withSystemSmtpSettingsAReplyWhoseMailboxIsGoneOrCannotSendStillReachesTheCustomer() throws Exception {
        JavaMailSenderImpl systemSmtp = new JavaMailSenderImpl();
        systemSmtp.setHost("127.0.0.1");
        systemSmtp.setPort(TestMailServer.smtpPort());
        ObjectProvider<JavaMailSender> provider = new org.springframework.beans.factory.support.StaticListableBeanFactory(
                Map.of("mailSender", systemSmtp)).getBeanProvider(JavaMailSender.class);
        SmtpSender sender = new SmtpSender(mailboxes, managing, connections, attachments, provider, "desk@system.example.com",
                java.time.Clock.systemUTC());

        // the mailbox was deleted: From is the desk's system address
        String customerA = unique("a") + "@example.com";
        sender.send(new OutgoingMail(0, 1, null, 987_654_321L, OutgoingMail.Purpose.REPLY, customerA, "Re: 退款 [#2026-000001]",
                "退款已处理。", unique("out") + "@system.example.com", "orig-1@mail.example.com", List.of("orig-1@mail.example.com"),
                OutgoingMail.Status.PENDING, 0, Instant.now(), null), List.of());
        List<MimeMessage> toA = TestMailServer.receivedBy(customerA);
        assertThat(toA).hasSize(1);
        assertThat(toA.getFirst().getFrom()[0].toString()).contains("desk@system.example.com");
        assertThat(toA.getFirst().getHeader("In-Reply-To")[0]).isEqualTo("<orig-1@mail.example.com>");

        // the mailbox exists but has no SMTP server: its From address, sent through the system server
        String receiveOnly = unique("ro") + "@desk.example.com";
        Map<String, Object> settings = TestMailServer.mailbox(receiveOnly, unique("ro-login"), "ro-pw-1", TestMailServer.smtpPort());
        settings.remove("smtpHost");
        settings.remove("smtpPort");
        settings.remove("smtpSecurity");
        Api.Response created = admin.post("/api/v1/channels/email/mailboxes", settings);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String customerB = unique("b") + "@example.com";
        sender.send(new OutgoingMail(0, 1, null, created.body().get("id").asLong(), OutgoingMail.Purpose.REPLY, customerB,
                "Re: 换货 [#2026-000002]", "换货已安排。", unique("out") + "@desk.example.com", null, List.of(),
                OutgoingMail.Status.PENDING, 0, Instant.now(), null), List.of());
        List<MimeMessage> toB = TestMailServer.receivedBy(customerB);
        assertThat(toB).hasSize(1);
        assertThat(toB.getFirst().getFrom()[0].toString()).contains(receiveOnly);
    }
}
