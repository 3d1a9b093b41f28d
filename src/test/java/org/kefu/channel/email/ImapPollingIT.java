package org.kefu.channel.email;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.kefu.support.Api;
import org.kefu.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Mail fetched from a real IMAP server (GreenMail) becomes tickets, exactly once, and is flagged only after commit. */
class ImapPollingIT extends IntegrationTest {

    @Autowired
    ImapPoller poller;

    @Autowired
    Mailboxes mailboxes;

    @Autowired
    JdbcClient jdbc;

    private record Box(long id, String address, String login, String password) {
    }

    private Box imapMailbox() {
        String address = unique("inbox") + "@desk.example.com";
        String login = unique("login");
        TestMailServer.GREEN.setUser(address, login, "imap-pw-1");
        Api.Response r = admin.post("/api/v1/channels/email/mailboxes",
                TestMailServer.mailbox(address, login, "imap-pw-1", TestMailServer.smtpPort()));
        assertThat(r.status()).isEqualTo(201);
        return new Box(r.body().get("id").asLong(), address, login, "imap-pw-1");
    }

    private void deliver(Box box, TestMails.Mail mail) throws Exception {
        TestMailServer.GREEN.getUserManager().getUserByEmail(box.address()).deliver(mail.message());
    }

    private int poll(Box box) {
        return poller.poll(mailboxes.find(box.id()).orElseThrow());
    }

    private Long ticketOf(String messageId) {
        return jdbc.sql("select ticket_id from email_message where message_id = ?").param(messageId)
                .query(Long.class).optional().orElse(null);
    }

    /** The \Seen flag of each message in the INBOX, in order, read over IMAP like any mail client. */
    private List<Boolean> seen(Box box) throws Exception {
        try (Store store = imap(box); Folder inbox = store.getFolder("INBOX")) {
            inbox.open(Folder.READ_ONLY);
            List<Boolean> flags = new ArrayList<>();
            for (Message m : inbox.getMessages()) {
                flags.add(m.isSet(Flags.Flag.SEEN));
            }
            return flags;
        }
    }

    /** What a crash between commit and flagging leaves behind: the mails are unread on the server again. */
    private void markAllUnread(Box box) throws Exception {
        try (Store store = imap(box); Folder inbox = store.getFolder("INBOX")) {
            inbox.open(Folder.READ_WRITE);
            inbox.setFlags(inbox.getMessages(), new Flags(Flags.Flag.SEEN), false);
        }
    }

    private Store imap(Box box) throws Exception {
        Properties p = new Properties();
        p.put("mail.imap.peek", "true");
        Store store = Session.getInstance(p).getStore("imap");
        store.connect("127.0.0.1", TestMailServer.imapPort(), box.login(), box.password());
        return store;
    }

    @Test
    void aChineseMailWithAnAttachmentBecomesATicketAfterAPoll() throws Exception {
        Box box = imapMailbox();
        String customer = unique("wang") + "@example.com";
        String messageId = unique("cn") + "@mail.example.com";
        deliver(box, new TestMails.Mail(customer, "王小明", box.address(), "投诉：快递包裹丢失",
                "您好，我的包裹（运单号 SF1234567890）显示已签收，但我没有收到。请尽快处理。")
                .id(messageId).file("签收截图.txt", "截图内容".getBytes(StandardCharsets.UTF_8)));
        assertThat(seen(box)).containsExactly(false);

        assertThat(poll(box)).isEqualTo(1);

        Long ticketId = ticketOf(messageId);
        assertThat(ticketId).isNotNull();
        JsonNode ticket = admin.get("/api/v1/tickets/" + ticketId).body();
        assertThat(ticket.get("subject").asString()).isEqualTo("投诉：快递包裹丢失");
        assertThat(ticket.get("channel").asString()).isEqualTo("EMAIL");
        JsonNode customerView = admin.get("/api/v1/customers/" + ticket.get("customer").get("id").asLong()).body();
        assertThat(customerView.toString()).contains("王小明").contains(customer);
        JsonNode first = admin.get("/api/v1/tickets/" + ticketId + "/timeline?kind=CUSTOMER_MESSAGE").body().get("items").get(0);
        assertThat(first.get("body").asString()).contains("运单号 SF1234567890");
        assertThat(first.get("attachments").get(0).get("fileName").asString()).isEqualTo("签收截图.txt");
        assertThat(seen(box)).containsExactly(true);
        assertThat(mailboxes.find(box.id()).orElseThrow().mailbox().lastPolledAt()).isNotNull();
    }

    @Test
    void mailFetchedAgainAfterACrashBeforeFlaggingIsNotTakenInTwice() throws Exception {
        Box box = imapMailbox();
        String a = unique("a") + "@mail.example.com";
        String b = unique("b") + "@mail.example.com";
        String customer = unique("li") + "@example.com";
        deliver(box, new TestMails.Mail(customer, "李四", box.address(), "第一封", "内容一").id(a));
        deliver(box, new TestMails.Mail(customer, "李四", box.address(), "第二封", "内容二").id(b));
        assertThat(poll(box)).isEqualTo(2);
        Long ticketA = ticketOf(a);
        Long ticketB = ticketOf(b);
        long messagesBefore = jdbc.sql("select count(*) from timeline_entry where ticket_id in (?, ?) and kind = 'CUSTOMER_MESSAGE'")
                .params(ticketA, ticketB).query(Long.class).single();

        markAllUnread(box);
        poll(box);

        assertThat(ticketOf(a)).isEqualTo(ticketA);
        assertThat(ticketOf(b)).isEqualTo(ticketB);
        assertThat(jdbc.sql("select count(*) from timeline_entry where ticket_id in (?, ?) and kind = 'CUSTOMER_MESSAGE'")
                .params(ticketA, ticketB).query(Long.class).single()).isEqualTo(messagesBefore).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from ticket where customer_id = (select customer_id from ticket where id = ?)")
                .param(ticketA).query(Long.class).single()).isEqualTo(2);
        assertThat(seen(box)).containsExactly(true, true);
    }

    @Test
    void aMailTheDeskCannotTakeIsCountedAndSkippedWithoutStoppingTheOthers() throws Exception {
        Box box = imapMailbox();
        byte[] huge = new byte[1100 * 1024]; // over kefu.email.inbound.max-bytes=1MB of the tests
        java.util.Arrays.fill(huge, (byte) 'x');
        deliver(box, new TestMails.Mail(unique("h") + "@example.com", "大文件", box.address(), "大附件", "见附件")
                .id(unique("huge") + "@mail.example.com").file("大.bin", huge));
        String fine = unique("ok") + "@mail.example.com";
        deliver(box, new TestMails.Mail(unique("o") + "@example.com", "正常", box.address(), "正常邮件", "正常").id(fine));

        assertThat(poll(box)).isEqualTo(1);
        assertThat(ticketOf(fine)).isNotNull();
        assertThat(seen(box)).containsExactly(false, true);
        for (int i = 0; i < 6; i++) {
            poll(box);
        }
        int attempts = jdbc.sql("select attempts from email_inbound_failure where mailbox_id = ?").param(box.id())
                .query(Integer.class).single();
        assertThat(attempts).isEqualTo(5); // kefu.email.imap.max-failures: then skipped, not tried again
        assertThat(mailboxes.find(box.id()).orElseThrow().mailbox().lastPollError()).isNull();
        // admins see it
        org.kefu.support.WebVisitor web = new org.kefu.support.WebVisitor(port);
        web.agentSignIn("admin@test.kefu.local", "admin-password-123");
        assertThat(web.get("/admin/mailboxes").body()).contains("1 封邮件多次处理失败");
    }
}
