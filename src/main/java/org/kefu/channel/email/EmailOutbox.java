package org.kefu.channel.email;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The persistent outbox (table email_outbox). A mail is written in the transaction that caused it
 * (the reply, the new ticket), so it exists exactly when that committed, and survives a restart.
 */
@Repository
class EmailOutbox {

    private static final String COLUMNS = "id, ticket_id, entry_id, mailbox_id, purpose, to_address, subject, body,"
            + " message_id, in_reply_to, references_ids, status, attempts, next_attempt_at, last_error";

    private final JdbcClient jdbc;

    EmailOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long add(long ticketId, Long entryId, Long mailboxId, OutgoingMail.Purpose purpose, String to, String subject,
            String body, String messageId, String inReplyTo, List<String> references, Instant now) {
        long id = jdbc.sql("select nextval('email_outbox_seq')").query(Long.class).single();
        jdbc.sql("""
                        insert into email_outbox (id, ticket_id, entry_id, mailbox_id, purpose, to_address, subject, body,
                            message_id, in_reply_to, references_ids, status, attempts, next_attempt_at, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)""")
                .params(id, ticketId, entryId, mailboxId, purpose.name(), Mailboxes.cut(to, 320), Mailboxes.cut(subject, 1000),
                        body, messageId, inReplyTo, String.join(" ", references), Mailboxes.ts(now), Mailboxes.ts(now))
                .update();
        return id;
    }

    /** Ids of pending mail due by {@code now}, oldest first (index ix_email_outbox_due). */
    List<Long> due(Instant now, int limit) {
        return jdbc.sql("select id from email_outbox where status = 'PENDING' and next_attempt_at <= ?"
                        + " order by next_attempt_at, id fetch first " + limit + " rows only")
                .param(Mailboxes.ts(now)).query(Long.class).list();
    }

    /** The mail if it is still pending and due, locked until the transaction ends (one sender at a time). */
    Optional<OutgoingMail> lockIfDue(long id, Instant now) {
        return jdbc.sql("select " + COLUMNS + " from email_outbox where id = ? and status = 'PENDING' and next_attempt_at <= ?"
                        + " for update")
                .param(id).param(Mailboxes.ts(now)).query(EmailOutbox::map).optional();
    }

    List<OutgoingMail> ofTicket(long ticketId) {
        return jdbc.sql("select " + COLUMNS + " from email_outbox where ticket_id = ? order by id").param(ticketId)
                .query(EmailOutbox::map).list();
    }

    void sent(long id, int attempts, Instant now) {
        jdbc.sql("update email_outbox set status = 'SENT', attempts = ?, sent_at = ?, last_error = null where id = ?")
                .params(attempts, Mailboxes.ts(now), id).update();
    }

    void retryAt(long id, int attempts, Instant next, String error) {
        jdbc.sql("update email_outbox set attempts = ?, next_attempt_at = ?, last_error = ? where id = ?")
                .params(attempts, Mailboxes.ts(next), Mailboxes.cut(error, 1000), id).update();
    }

    void failed(long id, int attempts, String error) {
        jdbc.sql("update email_outbox set status = 'FAILED', attempts = ?, last_error = ? where id = ?")
                .params(attempts, Mailboxes.cut(error, 1000), id).update();
    }

    /** Whom the outgoing mail with this Message-ID was addressed to. */
    Optional<String> recipientOf(String messageId) {
        return jdbc.sql("select to_address from email_outbox where message_id = ? fetch first 1 rows only")
                .param(messageId).query(String.class).optional();
    }

    /** Counts per status, for the admin page. */
    long count(OutgoingMail.Status status) {
        return jdbc.sql("select count(*) from email_outbox where status = ?").param(status.name()).query(Long.class).single();
    }

    private static OutgoingMail map(ResultSet rs, int n) throws SQLException {
        String refs = rs.getString("references_ids");
        return new OutgoingMail(rs.getLong("id"), rs.getLong("ticket_id"), rs.getObject("entry_id", Long.class),
                rs.getObject("mailbox_id", Long.class), OutgoingMail.Purpose.valueOf(rs.getString("purpose")),
                rs.getString("to_address"), rs.getString("subject"), rs.getString("body"), rs.getString("message_id"),
                rs.getString("in_reply_to"),
                refs == null || refs.isBlank() ? List.of() : Arrays.stream(refs.split(" ")).filter(s -> !s.isBlank()).toList(),
                OutgoingMail.Status.valueOf(rs.getString("status")), rs.getInt("attempts"),
                Mailboxes.instant(rs, "next_attempt_at"), rs.getString("last_error"));
    }
}
