package org.kefu.channel.email;

import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * IMAP messages whose intake failed (table email_inbound_failure), keyed by mailbox, UIDVALIDITY and
 * UID. After {@code kefu.email.imap.max-failures} attempts a message is skipped (left unread on the
 * server) and counted for admins, so one poisonous mail never stops a mailbox.
 */
@Repository
class InboundFailures {

    private final JdbcClient jdbc;

    InboundFailures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    int attempts(long mailboxId, long uidValidity, long uid) {
        return jdbc.sql("select attempts from email_inbound_failure where mailbox_id = ? and uid_validity = ? and uid = ?")
                .params(mailboxId, uidValidity, uid).query(Integer.class).optional().orElse(0);
    }

    void failed(long mailboxId, long uidValidity, long uid, String messageId, String subject, String error, Instant now) {
        int updated = jdbc.sql("""
                        update email_inbound_failure set attempts = attempts + 1, last_error = ?, updated_at = ?
                        where mailbox_id = ? and uid_validity = ? and uid = ?""")
                .params(Mailboxes.cut(error, 1000), Mailboxes.ts(now), mailboxId, uidValidity, uid).update();
        if (updated == 0) {
            jdbc.sql("""
                            insert into email_inbound_failure (mailbox_id, uid_validity, uid, message_id, subject, attempts,
                                last_error, updated_at)
                            values (?, ?, ?, ?, ?, 1, ?, ?)""")
                    .params(mailboxId, uidValidity, uid, Mailboxes.cut(messageId, 998), Mailboxes.cut(subject, 1000),
                            Mailboxes.cut(error, 1000), Mailboxes.ts(now))
                    .update();
        }
    }

    void succeeded(long mailboxId, long uidValidity, long uid) {
        jdbc.sql("delete from email_inbound_failure where mailbox_id = ? and uid_validity = ? and uid = ?")
                .params(mailboxId, uidValidity, uid).update();
    }

    /** Messages of the mailbox that are skipped for good. */
    long skipped(long mailboxId, int maxFailures) {
        return jdbc.sql("select count(*) from email_inbound_failure where mailbox_id = ? and attempts >= ?")
                .params(mailboxId, maxFailures).query(Long.class).single();
    }

    Optional<String> lastError(long mailboxId, long uidValidity, long uid) {
        return jdbc.sql("select last_error from email_inbound_failure where mailbox_id = ? and uid_validity = ? and uid = ?")
                .params(mailboxId, uidValidity, uid).query(String.class).optional();
    }
}
