package org.kefu.channel.email;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.kefu.ticket.Attachment;
import org.kefu.ticket.Author;
import org.kefu.ticket.TicketAttachments;
import org.kefu.ticket.TicketNotice;
import org.kefu.ticket.TicketWork;
import org.kefu.ticket.TimelineEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what is due in the outbox, each mail in its own transaction under a row lock (run by the
 * db-scheduler task "email-outbox", one node at a time). A failed attempt is retried after
 * {@code kefu.email.outbound.first-retry}, doubling each time up to {@code max-retry-delay}; after
 * {@code max-attempts} the mail is marked FAILED and a warning {@code email.delivery.failed} is
 * written on its ticket, so an agent sees it. A crash after the server accepted a mail but before
 * the commit sends it again on the next run (at least once; the Message-ID is the same, so mail
 * clients show one message). A mail nothing can send (no SMTP on its mailbox, none for the desk)
 * fails at once, with the warning on its ticket.
 */
@Component
class OutboxDelivery {

    private static final Logger log = LoggerFactory.getLogger(OutboxDelivery.class);
    static final int BATCH = 50;

    private final EmailOutbox outbox;
    private final SmtpSender sender;
    private final TicketAttachments attachments;
    private final TicketWork work;
    private final EntityManager entityManager;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final int maxAttempts;
    private final Duration firstRetry;
    private final Duration maxRetryDelay;

    OutboxDelivery(EmailOutbox outbox, SmtpSender sender, TicketAttachments attachments, TicketWork work,
            EntityManager entityManager, PlatformTransactionManager transactionManager, Clock clock,
            @Value("${kefu.email.outbound.max-attempts:6}") int maxAttempts,
            @Value("${kefu.email.outbound.first-retry:PT1M}") Duration firstRetry,
            @Value("${kefu.email.outbound.max-retry-delay:PT1H}") Duration maxRetryDelay) {
        this.outbox = outbox;
        this.sender = sender;
        this.attachments = attachments;
        this.work = work;
        this.entityManager = entityManager;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.maxAttempts = Math.max(1, maxAttempts);
        this.firstRetry = firstRetry;
        this.maxRetryDelay = maxRetryDelay;
    }

    /** Sends every mail due at {@code now}; returns how many went out. */
    int deliverDue(Instant at) {
        return deliverDue(at, null);
    }

    /** Like {@link #deliverDue(Instant)}, only for one ticket's mail when {@code ticketId} is given (tests). */
    int deliverDue(Instant at, Long ticketId) {
        Instant now = at.truncatedTo(java.time.temporal.ChronoUnit.MILLIS); // what every database stores exactly
        int sent = 0;
        while (true) {
            List<Long> batch = ticketId == null ? outbox.due(now, BATCH)
                    : outbox.ofTicket(ticketId).stream().filter(m -> m.status() == OutgoingMail.Status.PENDING
                            && !m.nextAttemptAt().isAfter(now)).map(OutgoingMail::id).toList();
            int handled = 0;
            for (long id : batch) {
                try {
                    Boolean ok = transactions.execute(tx -> deliver(id, now));
                    sent += Boolean.TRUE.equals(ok) ? 1 : 0;
                    handled++;
                } catch (RuntimeException e) {
                    log.warn("Outbox mail {} could not be handled; it is tried again on the next run", id, e);
                }
            }
            if (batch.size() < BATCH || handled == 0) {
                return sent;
            }
        }
    }

    private boolean deliver(long id, Instant now) {
        OutgoingMail mail = outbox.lockIfDue(id, now).orElse(null);
        if (mail == null) {
            return false;
        }
        int attempt = mail.attempts() + 1;
        try {
            sender.send(mail, files(mail));
            outbox.sent(id, attempt, clock.instant());
            log.info("Mail {} for ticket {} sent to {}", mail.messageId(), mail.ticketId(), mail.to());
            return true;
        } catch (Exception e) {
            String reason = MailConnections.describe(e);
            if (attempt >= maxAttempts || e instanceof SmtpSender.NoMailServerException) {
                outbox.failed(id, attempt, reason);
                work.recordNotice(mail.ticketId(), TicketNotice.warning("email.delivery.failed", mail.to(), reason),
                        Author.SYSTEM);
                log.warn("Mail {} for ticket {} to {} failed for good after {} attempts: {}", mail.messageId(),
                        mail.ticketId(), mail.to(), attempt, reason);
            } else {
                Instant next = now.plus(delay(attempt));
                outbox.retryAt(id, attempt, next, reason);
                log.info("Mail {} for ticket {} to {} failed (attempt {}), next try at {}: {}", mail.messageId(),
                        mail.ticketId(), mail.to(), attempt, next, reason);
            }
            return false;
        }
    }

    /** first-retry x 2^(attempt-1), at most max-retry-delay: 1, 2, 4, 8, 16 minutes by default. */
    Duration delay(int attempt) {
        Duration d = firstRetry.multipliedBy(1L << Math.min(20, attempt - 1));
        return d.compareTo(maxRetryDelay) > 0 ? maxRetryDelay : d;
    }

    private List<Attachment> files(OutgoingMail mail) {
        if (mail.purpose() != OutgoingMail.Purpose.REPLY || mail.entryId() == null) {
            return List.of();
        }
        TimelineEntry entry = entityManager.getReference(TimelineEntry.class, mail.entryId());
        return attachments.byEntry(List.of(entry)).getOrDefault(mail.entryId(), List.of());
    }
}
