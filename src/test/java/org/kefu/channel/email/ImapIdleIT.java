package org.kefu.channel.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.kefu.support.Api;
import org.kefu.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * IMAP IDLE against GreenMail: new mail becomes a ticket as soon as the server announces it, long
 * before the mailbox's poll interval; one holder per mailbox; back-off after a failure; a clean stop.
 * (The supervisor does not run in the tests: kefu.email.imap.check-interval=PT1H; listeners start here.)
 */
class ImapIdleIT extends IntegrationTest {

    @Autowired
    ImapIdleListeners listeners;

    @Autowired
    IdleLeases leases;

    @Autowired
    JdbcClient jdbc;

    private record Box(long id, String address) {
    }

    private Box mailbox(int imapPort) {
        String address = unique("idle") + "@desk.example.com";
        String login = unique("idle-login");
        TestMailServer.GREEN.setUser(address, login, "idle-pw-1");
        Map<String, Object> settings = TestMailServer.mailbox(address, login, "idle-pw-1", TestMailServer.smtpPort());
        settings.put("imapPort", imapPort);
        settings.put("pollIntervalSeconds", 600); // ten minutes: only IDLE can be this quick
        Api.Response r = admin.post("/api/v1/channels/email/mailboxes", settings);
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return new Box(r.body().get("id").asLong(), address);
    }

    private static boolean within(Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(50);
        }
        return condition.getAsBoolean();
    }

    private Long ticketOf(String messageId) {
        return jdbc.sql("select ticket_id from email_message where message_id = ?").param(messageId)
                .query(Long.class).optional().orElse(null);
    }

    private String leaseHolder(long mailboxId) {
        return jdbc.sql("select holder from email_idle_lease where mailbox_id = ?").param(mailboxId)
                .query(String.class).optional().orElse(null);
    }

    @Test
    void mailDeliveredWhileIdlingBecomesATicketLongBeforeThePollInterval() throws Exception {
        Box box = mailbox(TestMailServer.imapPort());
        assertThat(listeners.listen(box.id(), Instant.now())).isTrue();
        try {
            assertThat(within(Duration.ofSeconds(10), () -> listeners.idling(box.id()))).as("idling").isTrue();
            assertThat(leaseHolder(box.id())).isNotNull();

            String messageId = unique("idle") + "@mail.example.com";
            TestMailServer.GREEN.getUserManager().getUserByEmail(box.address()).deliver(
                    new TestMails.Mail(unique("kh") + "@example.com", "陈七", box.address(), "发票还没收到", "请尽快开发票。")
                            .id(messageId).message());

            assertThat(within(Duration.ofSeconds(15), () -> ticketOf(messageId) != null))
                    .as("ticket from IDLE well before the 10-minute poll").isTrue();
            // and it idles on for the next one
            assertThat(within(Duration.ofSeconds(10), () -> listeners.idling(box.id()))).isTrue();
        } finally {
            listeners.stopListening(box.id());
        }
        assertThat(listeners.idling(box.id())).isFalse();
        assertThat(leaseHolder(box.id())).as("lease released on stop").isNull();
    }

    @Test
    void onlyOneHolderIdlesOnAMailboxUntilItsLeaseExpires() {
        Box box = mailbox(TestMailServer.imapPort());
        Instant now = Instant.now();
        Duration ttl = Duration.ofMinutes(3);
        assertThat(leases.acquire(box.id(), "node-a", now, ttl)).isTrue();
        assertThat(leases.acquire(box.id(), "node-b", now.plusSeconds(60), ttl)).isFalse();
        // this node (another holder) does not start a listener while node-a's lease runs
        assertThat(listeners.listen(box.id(), now.plusSeconds(1))).isFalse();
        assertThat(listeners.idling(box.id())).isFalse();
        assertThat(leases.renew(box.id(), "node-a", now.plusSeconds(60), ttl)).isTrue();
        // node-a died: after the expiry node-b takes over, and node-a cannot renew any more
        Instant later = now.plusSeconds(60).plus(ttl).plusSeconds(1);
        assertThat(leases.acquire(box.id(), "node-b", later, ttl)).isTrue();
        assertThat(leases.renew(box.id(), "node-a", later, ttl)).isFalse();
        leases.release(box.id(), "node-b");
        assertThat(leaseHolder(box.id())).isNull();
    }

    @Test
    void aListenerThatCannotConnectBacksOffAndReleasesItsLease() throws Exception {
        Box box = mailbox(TestMailServer.closedPort());
        Instant now = Instant.now();
        assertThat(listeners.listen(box.id(), now)).isTrue();
        assertThat(within(Duration.ofSeconds(40), () -> listeners.retryOf(box.id()).isPresent())).isTrue();
        ImapIdleListeners.Retry retry = listeners.retryOf(box.id()).orElseThrow();
        assertThat(retry.failures()).isEqualTo(1);
        assertThat(retry.notBefore()).isAfter(now);
        assertThat(leaseHolder(box.id())).isNull();
        assertThat(listeners.listen(box.id(), now.plusMillis(1))).as("still backing off").isFalse();
    }

    @Test
    void stoppingTheDeskEndsEveryIdleWithinASecond() throws Exception {
        Box box = mailbox(TestMailServer.imapPort());
        assertThat(listeners.listen(box.id(), Instant.now())).isTrue();
        assertThat(within(Duration.ofSeconds(10), () -> listeners.idling(box.id()))).isTrue();
        long started = System.nanoTime();
        listeners.stop();
        try {
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1500));
            assertThat(within(Duration.ofSeconds(1), () -> leaseHolder(box.id()) == null)).isTrue();
            assertThat(listeners.idling(box.id())).isFalse();
        } finally {
            listeners.start();
        }
    }
}
