package org.kefu.channel.email;

import java.time.Instant;
import java.util.List;

/**
 * One mail in the outbox (table email_outbox).
 *
 * @param purpose    REPLY (an agent's reply, with the files of its timeline entry) or ACK (acknowledgement of a new ticket)
 * @param mailboxId  the mailbox whose SMTP server sends it; null: the desk's system mail settings
 * @param references message ids of the thread, oldest first
 */
record OutgoingMail(long id, long ticketId, Long entryId, Long mailboxId, Purpose purpose, String to, String subject,
        String body, String messageId, String inReplyTo, List<String> references, Status status, int attempts,
        Instant nextAttemptAt, String lastError) {

    enum Purpose { REPLY, ACK }

    enum Status { PENDING, SENT, FAILED }
}
