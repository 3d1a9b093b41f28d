package org.kefu.channel.email;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.kefu.customer.CustomerEmail;
import org.kefu.platform.Channel;
import org.kefu.ticket.Author;
import org.kefu.ticket.Ticket;
import org.kefu.ticket.TicketNotice;
import org.kefu.ticket.TicketWork;
import org.springframework.context.MessageSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Puts mail for a ticket's customer into the outbox, with the threading headers their mail client
 * needs: a fresh Message-ID (recorded in the thread store at once), In-Reply-To their latest mail,
 * References the thread, and the ticket number in the subject.
 */
@Component
class OutboundMail {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern NUMBER_TAG = Pattern.compile("\\s*\\[#\\d{4}-\\d{6,}\\]");
    private static final Pattern REPLY_PREFIX = Pattern.compile("^(?i)(re|aw|答复|回复|回覆)\\s*[:：]\\s*");

    private final EmailOutbox outbox;
    private final MailThreads threads;
    private final Mailboxes mailboxes;
    private final SmtpSender sender;
    private final TicketWork work;
    private final MessageSource messages;
    private final Locale locale;
    private final Clock clock;

    OutboundMail(EmailOutbox outbox, MailThreads threads, Mailboxes mailboxes, SmtpSender sender, TicketWork work,
            MessageSource messages, @Value("${kefu.email.locale:zh-CN}") String locale, Clock clock) {
        this.outbox = outbox;
        this.threads = threads;
        this.mailboxes = mailboxes;
        this.sender = sender;
        this.work = work;
        this.messages = messages;
        this.locale = Locale.forLanguageTag(locale);
        this.clock = clock;
    }

    /** Whether replies on this ticket go out by mail: it came in by mail, or has a mail thread. */
    boolean byMail(Ticket ticket) {
        return ticket.getChannel() == Channel.EMAIL || threads.hasThread(List.of(ticket.getId()));
    }

    /**
     * Queues an agent's reply, threaded into the latest mail of {@code ids} (the ticket and those
     * merged into it); a customer without any address gets a warning on the ticket instead.
     */
    void reply(Ticket ticket, List<Long> ids, long entryId, String body) {
        Instant now = clock.instant();
        Optional<MailThreads.Recorded> latest = threads.latestInbound(ids);
        String to = latest.map(r -> firstAddress(r.replyTo()) != null ? firstAddress(r.replyTo()) : r.fromAddress())
                .orElseGet(() -> ticket.getCustomer().getEmails().stream().map(CustomerEmail::getEmail).findFirst().orElse(null));
        if (to == null) {
            work.recordNotice(ticket.getId(), TicketNotice.warning("email.delivery.failed", "-",
                    messages.getMessage("email.delivery.noAddress", null, locale)), Author.SYSTEM);
            return;
        }
        // the thread's own mailbox; when it was deleted, the desk's system mail settings (never another brand's mailbox)
        Optional<Long> recorded = threads.mailboxOf(ids);
        Long mailboxId = recorded.isPresent() ? recorded.filter(id -> mailboxes.find(id).isPresent()).orElse(null)
                : defaultMailbox();
        String subject = subject(ticket);
        String messageId = messageId(ticket.getNumber(), String.valueOf(entryId), mailboxId);
        String inReplyTo = latest.map(MailThreads.Recorded::messageId).filter(id -> !id.startsWith("sha256:")).orElse(null);
        List<String> references = threads.references(ids);
        outbox.add(ticket.getId(), entryId, mailboxId, OutgoingMail.Purpose.REPLY, to, subject, body, messageId, inReplyTo,
                references, now);
        threads.record(messageId, MailThreads.Direction.OUT, "REPLY", ticket.getId(), entryId, mailboxId,
                sender.fromAddress(mailboxId), null, false, now);
    }

    /** Queues the "we received your request" answer to the mail that opened the ticket. */
    void acknowledge(Ticket ticket, Long mailboxId, String to, String customerMessageId) {
        Instant now = clock.instant();
        String subject = messages.getMessage("email.ack.subject", new Object[] {ticket.getNumber(), cleanSubject(ticket.getSubject())},
                locale);
        String body = messages.getMessage("email.ack.body", new Object[] {ticket.getCustomer().getName(), ticket.getNumber(),
                cleanSubject(ticket.getSubject())}, locale);
        String messageId = messageId(ticket.getNumber(), "ack", mailboxId);
        List<String> references = customerMessageId == null ? List.of() : List.of(customerMessageId);
        outbox.add(ticket.getId(), null, mailboxId, OutgoingMail.Purpose.ACK, to, subject, body, messageId, customerMessageId,
                references, now);
        threads.record(messageId, MailThreads.Direction.OUT, "ACK", ticket.getId(), null, mailboxId,
                sender.fromAddress(mailboxId), null, false, now);
    }

    /** {@code Re: <subject> [#<number>]}, without piling up Re: or repeating the number. */
    static String subject(Ticket ticket) {
        return "Re: " + cleanSubject(ticket.getSubject()) + " [#" + ticket.getNumber() + "]";
    }

    static String cleanSubject(String subject) {
        String s = NUMBER_TAG.matcher(subject == null ? "" : subject).replaceAll("").strip();
        String before;
        do {
            before = s;
            s = REPLY_PREFIX.matcher(s).replaceFirst("").strip();
        } while (!s.equals(before));
        return s;
    }

    private Long defaultMailbox() {
        return mailboxes.active().stream().filter(r -> r.mailbox().sends()).map(r -> r.mailbox().id()).findFirst().orElse(null);
    }

    private String messageId(String number, String part, Long mailboxId) {
        byte[] random = new byte[8];
        RANDOM.nextBytes(random);
        String from = sender.fromAddress(mailboxId);
        String host = from.contains("@") ? from.substring(from.lastIndexOf('@') + 1) : "kefu.local";
        return number + "." + part + "." + HexFormat.of().formatHex(random) + "@" + host;
    }

    private static String firstAddress(String list) {
        if (list == null || list.isBlank()) {
            return null;
        }
        String first = list.split(",")[0].strip();
        return first.isEmpty() ? null : first;
    }
}
