package org.kefu.channel.email;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.kefu.platform.security.Secrets;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The message ids the desk has received or sent (table email_message) and the tickets they belong
 * to. Unique on the message id: the exactly-once key of intake, and the thread index that replies
 * are matched by (In-Reply-To, References).
 */
@Repository
class MailThreads {

    enum Direction { IN, OUT }

    /** How many ids a References header of an outgoing mail carries at most (the first and the newest). */
    static final int MAX_REFERENCES = 20;

    private final JdbcClient jdbc;

    MailThreads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A recorded message. */
    record Recorded(String messageId, Direction direction, String kind, Long ticketId, Long entryId, Long mailboxId,
            String fromAddress, String replyTo) {
    }

    /** Message ids are compared as the parser gives them, without brackets; very long ones are hashed to fit the index. */
    static String key(String messageId) {
        String id = messageId.strip();
        if (id.startsWith("<") && id.endsWith(">") && id.length() > 2) {
            id = id.substring(1, id.length() - 1);
        }
        return id.length() <= 900 ? id : "sha256:" + Secrets.sha256Hex(id);
    }

    Optional<Recorded> find(String messageId) {
        return jdbc.sql("select message_id, direction, kind, ticket_id, entry_id, mailbox_id, from_address, reply_to"
                        + " from email_message where message_id = ?")
                .param(key(messageId))
                .query((rs, n) -> new Recorded(rs.getString(1), Direction.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getObject(4, Long.class), rs.getObject(5, Long.class), rs.getObject(6, Long.class), rs.getString(7),
                        rs.getString(8)))
                .optional();
    }

    /**
     * Records a message id. A concurrent intake of the same mail fails on the unique key and rolls
     * back, so the id stays recorded once.
     */
    void record(String messageId, Direction direction, String kind, Long ticketId, Long entryId, Long mailboxId,
            String fromAddress, String replyTo, boolean openedTicket, Instant now) {
        long id = jdbc.sql("select nextval('email_message_seq')").query(Long.class).single();
        jdbc.sql("""
                        insert into email_message (id, message_id, direction, kind, ticket_id, entry_id, mailbox_id,
                            from_address, reply_to, opened_ticket, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, key(messageId), direction.name(), kind, ticketId, entryId, mailboxId,
                        fromAddress == null ? null : Mailboxes.cut(fromAddress.toLowerCase(Locale.ROOT), 320),
                        Mailboxes.cut(replyTo, 1000), openedTicket, Mailboxes.ts(now))
                .update();
    }

    /** Fills in the ticket (and entry) of a message recorded before its ticket was known. */
    void attach(String messageId, long ticketId, Long entryId, boolean openedTicket) {
        jdbc.sql("update email_message set ticket_id = ?, entry_id = ?, opened_ticket = ? where message_id = ?")
                .params(ticketId, entryId, openedTicket, key(messageId)).update();
    }

    /** The ticket of the first of these ids (In-Reply-To before References, newest reference first) that is known. */
    Optional<Long> ticketOf(List<String> inReplyTo, List<String> references) {
        List<String> ids = new ArrayList<>();
        inReplyTo.forEach(i -> ids.add(key(i)));
        List<String> refs = new ArrayList<>(references);
        java.util.Collections.reverse(refs);
        refs.forEach(r -> ids.add(key(r)));
        List<String> candidates = ids.stream().distinct().limit(100).toList();
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        List<Object[]> rows = jdbc.sql("select message_id, ticket_id from email_message where message_id in (:ids)"
                        + " and ticket_id is not null")
                .param("ids", candidates)
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getLong(2)}).list();
        for (String id : candidates) {
            for (Object[] row : rows) {
                if (row[0].equals(id)) {
                    return Optional.of((Long) row[1]);
                }
            }
        }
        return Optional.empty();
    }

    /** The customer's newest mail on the ticket (for In-Reply-To and Reply-To of a reply). */
    Optional<Recorded> latestInbound(Collection<Long> ticketIds) {
        return jdbc.sql("select message_id, direction, kind, ticket_id, entry_id, mailbox_id, from_address, reply_to"
                        + " from email_message where ticket_id in (:tickets) and direction = 'IN' and kind = 'PERSONAL'"
                        + " order by id desc fetch first 1 rows only")
                .param("tickets", ticketIds)
                .query((rs, n) -> new Recorded(rs.getString(1), Direction.IN, rs.getString(3), rs.getObject(4, Long.class),
                        rs.getObject(5, Long.class), rs.getObject(6, Long.class), rs.getString(7), rs.getString(8)))
                .optional();
    }

    /** The mailbox the ticket's mail came in through, newest first; empty if it never came by mail. */
    Optional<Long> mailboxOf(Collection<Long> ticketIds) {
        return jdbc.sql("select mailbox_id from email_message where ticket_id in (:tickets) and direction = 'IN'"
                        + " and mailbox_id is not null order by id desc fetch first 1 rows only")
                .param("tickets", ticketIds).query(Long.class).optional();
    }

    boolean hasThread(Collection<Long> ticketIds) {
        return jdbc.sql("select count(*) from email_message where ticket_id in (:tickets)")
                .param("tickets", ticketIds).query(Long.class).single() > 0;
    }

    /** The thread's message ids, oldest first, capped to the first and the newest ones (RFC 5322 3.6.4 allows trimming). */
    List<String> references(Collection<Long> ticketIds) {
        List<String> newest = new ArrayList<>(jdbc.sql("select message_id from email_message where ticket_id in (:tickets)"
                        + " and kind in ('PERSONAL', 'REPLY', 'ACK') order by id desc fetch first " + (MAX_REFERENCES - 1) + " rows only")
                .param("tickets", ticketIds).query(String.class).list());
        java.util.Collections.reverse(newest);
        Optional<String> first = jdbc.sql("select message_id from email_message where ticket_id in (:tickets)"
                        + " and kind in ('PERSONAL', 'REPLY', 'ACK') order by id fetch first 1 rows only")
                .param("tickets", ticketIds).query(String.class).optional();
        List<String> result = new ArrayList<>();
        first.ifPresent(result::add);
        newest.stream().filter(id -> !result.contains(id)).forEach(result::add);
        return result.stream().filter(id -> !id.startsWith("sha256:")).toList();
    }

    /**
     * A ticket opened within the window by an automatic mail (auto-reply, bulk) of this sender:
     * further automatic mail of the sender is appended there instead of opening another ticket.
     */
    Optional<Long> recentAutomaticTicket(String fromAddress, Instant since) {
        if (fromAddress == null) {
            return Optional.empty();
        }
        return jdbc.sql("select ticket_id from email_message where from_address = ? and created_at >= ?"
                        + " and direction = 'IN' and opened_ticket = true and kind in ('AUTO_REPLY', 'BULK')"
                        + " order by created_at desc fetch first 1 rows only")
                .params(fromAddress.toLowerCase(Locale.ROOT), Mailboxes.ts(since)).query(Long.class).optional();
    }
}
