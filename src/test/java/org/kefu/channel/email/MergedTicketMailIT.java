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

/** On a ticket a mail ticket was merged into, replies are mailed only when the customer last wrote by mail. */
class MergedTicketMailIT extends IntegrationTest {

    @Autowired
    EmailOutbox outbox;

    @Autowired
    OutboxDelivery delivery;

    @Test
    void aReplyOnTheSurvivorIsMailedOnlyAfterTheCustomerWroteByMailAgain() throws Exception {
        String desk = unique("merge") + "@desk.example.com";
        Api.Response box = admin.post("/api/v1/channels/email/mailboxes", TestMailServer.mailbox(desk, null, null,
                TestMailServer.smtpPort()));
        assertThat(box.status()).as(box.raw()).isEqualTo(201);
        long mailboxId = box.body().get("id").asLong();
        String customer = unique("zheng") + "@example.com";
        String firstId = unique("first") + "@mail.example.com";
        TestMails.Posted mail = TestMails.post(port, ADMIN_TOKEN, new TestMails.Mail(customer, "郑十", desk, "保修咨询",
                "保修期多久？").id(firstId).raw(), mailboxId, "message/rfc822");
        long mailTicket = mail.body().get("ticketId").asLong();
        long customerId = admin.get("/api/v1/tickets/" + mailTicket).body().get("customer").get("id").asLong();

        // the customer calls; the agent merges the mail ticket into the phone ticket
        JsonNode phone = openTicket(admin, Map.of("subject", "电话：保修", "description", "来电问保修",
                "channel", "PHONE", "customerId", customerId));
        long survivor = phone.get("id").asLong();
        assertThat(admin.post("/api/v1/tickets/" + survivor + "/merge", Map.of("duplicateId", mailTicket)).status())
                .isEqualTo(200);
        admin.post("/api/v1/tickets/" + survivor + "/messages", Map.of("body", "电话里已说明：保修一年。"));
        assertThat(outbox.ofTicket(survivor)).as("the customer last called: no mail").isEmpty();

        // the customer answers the first mail: it joins the survivor, and the next reply is mailed, threaded
        String secondId = unique("second") + "@mail.example.com";
        TestMails.Posted again = TestMails.post(port, ADMIN_TOKEN, new TestMails.Mail(customer, "郑十", desk, "Re: 保修咨询",
                "发票丢了还能保修吗？").id(secondId).header("In-Reply-To", "<" + firstId + ">").raw(), mailboxId,
                "message/rfc822");
        assertThat(again.body().get("ticketId").asLong()).isEqualTo(survivor);
        admin.post("/api/v1/tickets/" + survivor + "/messages", Map.of("body", "可以，凭购买记录即可。"));
        List<OutgoingMail> queued = outbox.ofTicket(survivor);
        assertThat(queued).hasSize(1);
        assertThat(queued.getFirst().to()).isEqualTo(customer);
        assertThat(queued.getFirst().inReplyTo()).isEqualTo(secondId);

        delivery.deliverDue(Instant.now().plusSeconds(1), survivor);
        List<MimeMessage> received = TestMailServer.receivedBy(customer).stream()
                .filter(m -> {
                    try {
                        return m.getSubject().contains(phone.get("number").asString());
                    } catch (jakarta.mail.MessagingException e) {
                        return false;
                    }
                }).toList();
        assertThat(received).hasSize(1);
    }
}
