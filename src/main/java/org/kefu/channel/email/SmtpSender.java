package org.kefu.channel.email;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import org.kefu.ticket.Attachment;
import org.kefu.ticket.TicketAttachments;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends one outbox mail: through its mailbox's SMTP server, else (the mailbox has no SMTP or was
 * deleted) through the desk's own SMTP settings ({@code spring.mail.*}; From the mailbox's address,
 * or {@code kefu.mail.from} when the mailbox is gone). Throws when the server refuses, and
 * {@link NoMailServerException} when there is no server at all: such a mail cannot reach the
 * customer, and the outbox marks it failed on its ticket at once.
 */
@Component
class SmtpSender {

    private final Mailboxes mailboxes;
    private final ManagingMailboxes managing;
    private final MailConnections connections;
    private final TicketAttachments attachments;
    private final ObjectProvider<JavaMailSender> systemSmtp;
    private final String systemFrom;
    private final Clock clock;

    SmtpSender(Mailboxes mailboxes, ManagingMailboxes managing, MailConnections connections, TicketAttachments attachments,
            ObjectProvider<JavaMailSender> systemSmtp,
            @Value("${kefu.mail.from:kefu@localhost}") String systemFrom, Clock clock) {
        this.mailboxes = mailboxes;
        this.managing = managing;
        this.connections = connections;
        this.attachments = attachments;
        this.systemSmtp = systemSmtp;
        this.systemFrom = systemFrom;
        this.clock = clock;
    }

    /** The address a mail of this mailbox comes from (the system address when there is none). */
    String fromAddress(Long mailboxId) {
        return mailboxId == null ? systemFrom
                : mailboxes.find(mailboxId).map(r -> r.mailbox().fromAddress()).orElse(systemFrom);
    }

    void send(OutgoingMail mail, List<Attachment> files) throws MessagingException {
        Mailboxes.Row row = mail.mailboxId() == null ? null : mailboxes.find(mail.mailboxId()).orElse(null);
        if (row != null && row.mailbox().sends()) {
            MailServer server = managing.smtpServer(row);
            Session session = connections.smtpSession(server);
            MimeMessage message = compose(session, mail, row.mailbox().fromAddress(), row.mailbox().name(), files);
            connections.send(server, session, message);
            return;
        }
        JavaMailSender sender = systemSmtp.getIfAvailable();
        if (sender != null) {
            Session session = sender instanceof JavaMailSenderImpl impl ? impl.getSession() : Session.getInstance(new Properties());
            sender.send(compose(session, mail, row != null ? row.mailbox().fromAddress() : systemFrom,
                    row != null ? row.mailbox().name() : null, files));
            return;
        }
        throw new NoMailServerException(row == null
                ? (mail.mailboxId() == null ? "no mailbox sends mail" : "mailbox " + mail.mailboxId() + " was deleted")
                        + " and no system SMTP server (spring.mail.host) is configured"
                : "mailbox " + row.mailbox().name() + " has no SMTP server and no system SMTP server (spring.mail.host) "
                        + "is configured");
    }

    /** Nothing can send this mail: no SMTP on its mailbox and none for the desk. Trying again does not help. */
    static final class NoMailServerException extends MessagingException {

        NoMailServerException(String reason) {
            super(reason);
        }
    }

    private MimeMessage compose(Session session, OutgoingMail mail, String from, String fromName, List<Attachment> files)
            throws MessagingException {
        MimeMessage message = new ThreadedMessage(session, mail.messageId());
        MimeMessageHelper helper = files.isEmpty() ? new MimeMessageHelper(message, "UTF-8")
                : new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED, "UTF-8");
        try {
            helper.setFrom(new InternetAddress(from, fromName, "UTF-8"));
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
        helper.setTo(new InternetAddress(mail.to(), true));
        helper.setSubject(mail.subject());
        helper.setSentDate(Date.from(clock.instant()));
        helper.setText(mail.body(), false);
        for (Attachment file : files) {
            helper.addAttachment(file.getFileName(), () -> attachments.content(file), file.getContentType());
        }
        if (mail.inReplyTo() != null) {
            message.setHeader("In-Reply-To", "<" + mail.inReplyTo() + ">");
        }
        if (!mail.references().isEmpty()) {
            message.setHeader("References", String.join(" ", mail.references().stream().map(r -> "<" + r + ">").toList()));
        }
        if (mail.purpose() == OutgoingMail.Purpose.ACK) {
            // RFC 3834: an automatic answer; well-behaved auto-responders do not answer it
            message.setHeader("Auto-Submitted", "auto-replied");
            message.setHeader("X-Auto-Response-Suppress", "All");
        }
        message.setHeader("X-Kefu-Ticket", String.valueOf(mail.ticketId()));
        message.saveChanges();
        return message;
    }

    /** Keeps the Message-ID the desk chose (recorded for threading) instead of one Jakarta Mail would make up. */
    private static final class ThreadedMessage extends MimeMessage {

        private final String messageId;

        ThreadedMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", "<" + messageId + ">");
        }
    }
}
