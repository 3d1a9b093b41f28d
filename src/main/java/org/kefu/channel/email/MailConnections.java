package org.kefu.channel.email;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Properties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Opens Jakarta Mail connections to a mailbox's IMAP and SMTP servers, with timeouts, never waiting forever. */
@Component
class MailConnections {

    private final String timeoutMillis;

    MailConnections(@Value("${kefu.email.timeout:PT30S}") Duration timeout) {
        this.timeoutMillis = String.valueOf(timeout.toMillis());
    }

    Store openImap(MailServer server) throws MessagingException {
        return openImap(server, timeoutMillis);
    }

    /** An IMAP connection that may stay quiet for {@code readTimeout} (IDLE) before it counts as dead. */
    Store openImap(MailServer server, Duration readTimeout) throws MessagingException {
        return openImap(server, String.valueOf(readTimeout.toMillis()));
    }

    private Store openImap(MailServer server, String readTimeoutMillis) throws MessagingException {
        String protocol = server.security() == MailSecurity.SSL ? "imaps" : "imap";
        Properties p = new Properties();
        p.put("mail.store.protocol", protocol);
        p.put("mail." + protocol + ".connectiontimeout", timeoutMillis);
        p.put("mail." + protocol + ".timeout", readTimeoutMillis);
        p.put("mail." + protocol + ".writetimeout", timeoutMillis);
        // fetch with BODY.PEEK: reading a mail must not flag it \Seen before its intake committed
        p.put("mail." + protocol + ".peek", "true");
        if (server.security() == MailSecurity.STARTTLS) {
            p.put("mail.imap.starttls.enable", "true");
            p.put("mail.imap.starttls.required", "true");
        }
        Store store = Session.getInstance(p).getStore(protocol);
        store.connect(server.host(), server.port(), server.user(), server.password());
        return store;
    }

    Session smtpSession(MailServer server) {
        String protocol = server.security() == MailSecurity.SSL ? "smtps" : "smtp";
        Properties p = new Properties();
        p.put("mail.transport.protocol", protocol);
        p.put("mail." + protocol + ".host", server.host());
        p.put("mail." + protocol + ".port", String.valueOf(server.port()));
        p.put("mail." + protocol + ".connectiontimeout", timeoutMillis);
        p.put("mail." + protocol + ".timeout", timeoutMillis);
        p.put("mail." + protocol + ".writetimeout", timeoutMillis);
        p.put("mail." + protocol + ".auth", String.valueOf(server.user() != null));
        if (server.security() == MailSecurity.STARTTLS) {
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", "true");
        }
        return Session.getInstance(p);
    }

    void send(MailServer server, Session session, MimeMessage message) throws MessagingException {
        String protocol = server.security() == MailSecurity.SSL ? "smtps" : "smtp";
        try (Transport transport = session.getTransport(protocol)) {
            transport.connect(server.host(), server.port(), server.user(), server.password());
            transport.sendMessage(message, message.getAllRecipients());
        }
    }

    /** Null when signing in worked, else what went wrong. */
    String checkImap(MailServer server) {
        try (Store store = openImap(server)) {
            return store.isConnected() ? null : "not connected";
        } catch (MessagingException | RuntimeException e) {
            return describe(e);
        }
    }

    String checkSmtp(MailServer server) {
        String protocol = server.security() == MailSecurity.SSL ? "smtps" : "smtp";
        try (Transport transport = smtpSession(server).getTransport(protocol)) {
            transport.connect(server.host(), server.port(), server.user(), server.password());
            return null;
        } catch (MessagingException | RuntimeException e) {
            return describe(e);
        }
    }

    static String describe(Throwable e) {
        StringBuilder s = new StringBuilder();
        Throwable t = e;
        while (t != null && s.length() < 600) {
            if (!s.isEmpty()) {
                s.append(": ");
            }
            s.append(t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().strip());
            t = t.getCause() == t ? null : t.getCause();
        }
        return Mailboxes.cut(s.toString(), 1000);
    }
}
