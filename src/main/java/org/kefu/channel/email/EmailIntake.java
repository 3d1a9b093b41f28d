package org.kefu.channel.email;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kefu.customer.Customer;
import org.kefu.customer.CustomerDirectory;
import org.kefu.platform.Actor;
import org.kefu.platform.Channel;
import org.kefu.platform.InvalidRequestException;
import org.kefu.platform.Role;
import org.kefu.ticket.AttachmentDownload;
import org.kefu.ticket.Author;
import org.kefu.ticket.NewAttachment;
import org.kefu.ticket.NewTicket;
import org.kefu.ticket.Ticket;
import org.kefu.ticket.TicketAttachments;
import org.kefu.ticket.TicketIntake;
import org.kefu.ticket.TicketNotice;
import org.kefu.ticket.TicketStatus;
import org.kefu.ticket.TicketWork;
import org.kefu.ticket.Tickets;
import org.kefu.ticket.TimelineEntry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one inbound pipeline, for mail fetched over IMAP and mail piped in over the API: raw bytes
 * become a new ticket or a customer message on the ticket they answer, in one transaction.
 *
 * <ol>
 * <li>A Message-ID seen before changes nothing (exactly once; the id is recorded first, so a
 *     concurrent intake of the same mail fails on the unique key and rolls back).</li>
 * <li>A bounce is flagged on the ticket whose mail bounced (found by the bounced Message-ID) and never
 *     opens a ticket.</li>
 * <li>A mail joins the ticket of its In-Reply-To / References ids, else the ticket whose number
 *     {@code [#2026-000123]} is in the subject if the sender is that ticket's customer; never by subject
 *     text alone. A merged ticket's mail goes to the surviving ticket; a closed one gets a new ticket.</li>
 * <li>Otherwise a new EMAIL ticket opens for the customer with the sender's address (found, or created
 *     with the From display name), in the mailbox's default department and team. A person's mail gets
 *     an acknowledgement if the mailbox sends them.</li>
 * <li>Automatic mail (auto-replies, bulk and list mail, and mail from the desk's own addresses) never
 *     gets an acknowledgement and opens at most one ticket per sender per
 *     {@code kefu.email.automatic-window} (default 24 hours): later ones join that ticket.</li>
 * </ol>
 * Files over {@code kefu.attachments.max-bytes}, or beyond {@code max-count}, are left out and listed
 * in a warning on the ticket; what the parser could not decode is noted there too.
 */
@Service
public class EmailIntake {

    static final int MAX_BODY = 200_000;
    static final int MAX_SUBJECT = 500;
    private static final Pattern NUMBER = Pattern.compile("\\[#(\\d{4}-\\d{6,})\\]");
    private static final Pattern ADDRESS = ManagingMailboxes.ADDRESS;
    /** Who appends customer messages: the desk itself, which may see every ticket. */
    private static final Actor DESK = new Actor(0, "Email", null, Role.ADMIN, Set.of(), Set.of());

    private final MailParser parser;
    private final MailThreads threads;
    private final Mailboxes mailboxes;
    private final Tickets tickets;
    private final TicketIntake intake;
    private final TicketWork work;
    private final TicketAttachments attachments;
    private final CustomerDirectory customers;
    private final OutboundMail outbound;
    private final EmailOutbox outbox;
    private final MessageSource messages;
    private final jakarta.persistence.EntityManager entityManager;
    private final Locale locale;
    private final Duration automaticWindow;
    private final Clock clock;

    EmailIntake(MailParser parser, MailThreads threads, Mailboxes mailboxes, Tickets tickets, TicketIntake intake,
            TicketWork work, TicketAttachments attachments, CustomerDirectory customers, OutboundMail outbound,
            EmailOutbox outbox, MessageSource messages, jakarta.persistence.EntityManager entityManager, @Value("${kefu.email.locale:zh-CN}") String locale,
            @Value("${kefu.email.automatic-window:PT24H}") Duration automaticWindow, Clock clock) {
        this.parser = parser;
        this.threads = threads;
        this.mailboxes = mailboxes;
        this.tickets = tickets;
        this.intake = intake;
        this.work = work;
        this.attachments = attachments;
        this.customers = customers;
        this.outbound = outbound;
        this.outbox = outbox;
        this.messages = messages;
        this.entityManager = entityManager;
        this.locale = Locale.forLanguageTag(locale);
        this.automaticWindow = automaticWindow;
        this.clock = clock;
    }

    /** Takes in one raw RFC 5322 message, received through the given mailbox (null: none, e.g. piped in). */
    @Transactional
    public IntakeResult receive(byte[] raw, Long mailboxId) {
        Mailbox mailbox = mailboxId == null ? null : mailboxes.find(mailboxId).map(Mailboxes.Row::mailbox)
                .orElseThrow(() -> InvalidRequestException.of("mailbox", "no mailbox " + mailboxId));
        ParsedMail mail = parser.parse(raw);
        String messageId = mail.messageId() == null || mail.messageId().isBlank()
                ? "sha256:" + sha256(raw) : MailThreads.key(mail.messageId());
        Optional<MailThreads.Recorded> seen = threads.find(messageId);
        if (seen.isPresent()) {
            Long ticketId = seen.get().ticketId();
            return new IntakeResult(IntakeResult.Outcome.DUPLICATE, ticketId, numberOf(ticketId), messageId);
        }
        Instant now = clock.instant();
        String sender = senderAddress(mail);
        ParsedMail.MailKind kind = mail.kind() == null ? ParsedMail.MailKind.PERSONAL : mail.kind();
        if (kind == ParsedMail.MailKind.PERSONAL && sender != null && mailboxes.isOwnAddress(sender)) {
            kind = ParsedMail.MailKind.AUTO_REPLY; // our own mail came back: never answer it (loop)
        }
        String replyTo = mail.replyTo() == null ? null : String.join(",", mail.replyTo().stream()
                .map(ParsedMail.MailAddress::address).filter(a -> a != null && ADDRESS.matcher(a).matches()).toList());
        // the exactly-once key goes in first: a second intake of the same mail waits here, then fails
        threads.record(messageId, MailThreads.Direction.IN, kind.name(), null, null, mailboxId, sender,
                replyTo == null || replyTo.isEmpty() ? null : replyTo, false, now);

        if (kind == ParsedMail.MailKind.BOUNCE) {
            return bounce(mail, messageId);
        }
        Ticket target = threadedTicket(mail, sender);
        if (target == null && kind != ParsedMail.MailKind.PERSONAL && sender != null) {
            target = threads.recentAutomaticTicket(sender, now.minus(automaticWindow)).flatMap(tickets::findById)
                    .map(this::survivor).orElse(null);
        }
        Attachments files = attachments(mail);
        String body = body(mail);
        IntakeResult result;
        TimelineEntry entry;
        boolean opened;
        if (target != null && target.getStatus() != TicketStatus.CLOSED) {
            entry = work.receiveMessage(target.getId(), body, Channel.EMAIL, DESK, files.kept());
            result = new IntakeResult(IntakeResult.Outcome.APPENDED, target.getId(), target.getNumber(), messageId);
            opened = false;
        } else {
            Ticket closed = target;
            Ticket ticket = open(mail, sender, mailbox, body, files.kept());
            entry = entityManager.createQuery("select e from TimelineEntry e where e.ticket.id = :id and e.kind = :kind"
                            + " order by e.id", TimelineEntry.class)
                    .setParameter("id", ticket.getId()).setParameter("kind", TimelineEntry.Kind.CUSTOMER_MESSAGE)
                    .setMaxResults(1).getResultStream().findFirst().orElse(null);
            if (closed != null) {
                work.recordNotice(ticket.getId(), TicketNotice.info("email.closedTicket", closed.getNumber()), Author.SYSTEM);
            }
            result = new IntakeResult(IntakeResult.Outcome.CREATED, ticket.getId(), ticket.getNumber(), messageId);
            opened = true;
            target = ticket;
        }
        threads.attach(messageId, target.getId(), entry == null ? null : entry.getId(), opened);
        if (!files.dropped().isEmpty()) {
            work.recordNotice(target.getId(), TicketNotice.warning("email.attachments.dropped",
                    String.join(", ", files.dropped())), Author.SYSTEM);
        }
        if (mail.problems() != null && !mail.problems().isEmpty()) {
            work.recordNotice(target.getId(), TicketNotice.warning("email.parse.problems",
                    Mailboxes.cut(String.join("; ", mail.problems()), 1000)), Author.SYSTEM);
        }
        if (opened && kind == ParsedMail.MailKind.PERSONAL && mailbox != null && mailbox.acknowledge()) {
            String to = replyTo != null && !replyTo.isEmpty() ? replyTo.split(",")[0] : sender;
            if (to != null) {
                outbound.acknowledge(target, mailbox.id(), to, messageId.startsWith("sha256:") ? null : messageId);
            }
        }
        return result;
    }

    private IntakeResult bounce(ParsedMail mail, String messageId) {
        Optional<MailThreads.Recorded> bounced = mail.bouncedMessageId() == null || mail.bouncedMessageId().isBlank()
                ? Optional.empty() : threads.find(mail.bouncedMessageId());
        Long ticketId = bounced.map(MailThreads.Recorded::ticketId).orElse(null);
        if (ticketId == null) {
            return new IntakeResult(IntakeResult.Outcome.BOUNCE, null, null, messageId);
        }
        String recipient = outbox.recipientOf(bounced.get().messageId()).orElse("?");
        String reason = Mailboxes.cut(mail.text() == null ? "" : mail.text().strip().replaceAll("\\s+", " "), 300);
        work.recordNotice(ticketId, TicketNotice.warning("email.bounced", recipient, reason), Author.SYSTEM);
        threads.attach(messageId, ticketId, null, false);
        return new IntakeResult(IntakeResult.Outcome.BOUNCE, ticketId, numberOf(ticketId), messageId);
    }

    private Ticket threadedTicket(ParsedMail mail, String sender) {
        Optional<Long> byThread = threads.ticketOf(nullSafe(mail.inReplyTo()), nullSafe(mail.references()));
        if (byThread.isPresent()) {
            return tickets.findById(byThread.get()).map(this::survivor).orElse(null);
        }
        Matcher m = NUMBER.matcher(mail.subject() == null ? "" : mail.subject());
        while (m.find()) {
            Optional<Ticket> numbered = tickets.findByNumber(m.group(1)).map(this::survivor);
            if (numbered.isPresent() && sender != null && numbered.get().getCustomer().getEmails().stream()
                    .anyMatch(e -> e.getEmail().equalsIgnoreCase(sender))) {
                return numbered.get();
            }
        }
        return null;
    }

    private Ticket survivor(Ticket ticket) {
        Ticket t = ticket;
        for (int hops = 0; t.getMergedIntoId() != null && hops < 10; hops++) {
            Optional<Ticket> next = tickets.findById(t.getMergedIntoId());
            if (next.isEmpty()) {
                break;
            }
            t = next.get();
        }
        return t;
    }

    private Ticket open(ParsedMail mail, String sender, Mailbox mailbox, String body, List<NewAttachment> files) {
        String address = sender != null ? sender : "unknown-sender@mail.invalid";
        String name = mail.from() != null && mail.from().name() != null && !mail.from().name().isBlank()
                ? Mailboxes.cut(mail.from().name().strip(), 200) : null;
        Customer customer = customers.findOrCreateByEmail(address, name);
        String subject = mail.subject() == null || mail.subject().isBlank()
                ? messages.getMessage("email.noSubject", null, locale) : Mailboxes.cut(mail.subject().strip(), MAX_SUBJECT);
        NewTicket command = new NewTicket(subject, body, Channel.EMAIL, customer.getId(), null, null, null, null, null,
                null, null, null, List.of(), java.util.Map.of(), mailbox == null ? null : mailbox.departmentId(),
                mailbox == null ? null : mailbox.teamId(), null);
        return intake.open(command, Author.customer(customer.getId(), customer.getName()), files,
                mailbox == null ? null : String.valueOf(mailbox.id()));
    }

    private String body(ParsedMail mail) {
        String text = mail.text();
        if (text == null || text.isBlank()) {
            return messages.getMessage("email.noBody", null, locale);
        }
        return text.length() > MAX_BODY ? text.substring(0, MAX_BODY) + "\n[…]" : text;
    }

    /** The files the ticket keeps, and the names (with sizes) of those over the limits. */
    record Attachments(List<NewAttachment> kept, List<String> dropped) {
    }

    private Attachments attachments(ParsedMail mail) {
        List<NewAttachment> kept = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        if (mail.attachments() == null) {
            return new Attachments(kept, dropped);
        }
        for (ParsedMail.MailPart part : mail.attachments()) {
            if (part == null || part.content() == null) {
                continue;
            }
            String name = part.fileName() == null || part.fileName().isBlank() ? "attachment" : part.fileName();
            byte[] bytes = part.content();
            if (bytes.length > attachments.maxBytes() || kept.size() >= attachments.maxCount()) {
                dropped.add(name + " (" + AttachmentDownload.readableSize(bytes.length) + ")");
                continue;
            }
            NewAttachment file = new NewAttachment(name, part.contentType(), bytes.length, () -> new ByteArrayInputStream(bytes));
            String cid = part.contentId();
            kept.add(part.inline() && cid != null && !cid.isBlank() && cid.length() <= 255 ? file.inline(cid) : file);
        }
        return new Attachments(kept, dropped);
    }

    private static String senderAddress(ParsedMail mail) {
        String address = mail.from() == null ? null : mail.from().address();
        if (address == null || !ADDRESS.matcher(address.strip()).matches()) {
            address = mail.returnPath();
        }
        if (address == null || !ADDRESS.matcher(address.strip()).matches() || address.length() > 320) {
            return null;
        }
        return address.strip().toLowerCase(Locale.ROOT);
    }

    private String numberOf(Long ticketId) {
        return ticketId == null ? null : tickets.findById(ticketId).map(Ticket::getNumber).orElse(null);
    }

    private static List<String> nullSafe(List<String> ids) {
        return ids == null ? List.of() : ids.stream().filter(i -> i != null && !i.isBlank()).toList();
    }

    private static String sha256(byte[] raw) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(raw));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
