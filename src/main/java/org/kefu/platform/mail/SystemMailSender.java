package org.kefu.platform.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Properties;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;

@Service
class SystemMailSender implements SystemMail {

    private static final Logger log = LoggerFactory.getLogger(SystemMailSender.class);
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final ObjectProvider<JavaMailSender> smtp;
    private final Path outbox;
    private final String from;
    private final Clock clock;

    SystemMailSender(ObjectProvider<JavaMailSender> smtp, @Value("${kefu.data-dir}") String dataDir,
            @Value("${kefu.mail.from:kefu@localhost}") String from, Clock clock) {
        this.smtp = smtp;
        this.outbox = Path.of(dataDir, "outbox");
        this.from = from;
        this.clock = clock;
    }

    @Override
    public void send(String to, String subject, String textBody) {
        JavaMailSender sender = smtp.getIfAvailable();
        try {
            MimeMessage message = sender != null ? sender.createMimeMessage() : new MimeMessage(Session.getInstance(new Properties()));
            message.setFrom(new InternetAddress(from));
            message.setRecipients(MimeMessage.RecipientType.TO, InternetAddress.parse(to, true));
            message.setSubject(subject, "UTF-8");
            message.setText(textBody, "UTF-8");
            message.setSentDate(Date.from(clock.instant()));
            message.saveChanges();
            if (sender != null) {
                sender.send(message);
                log.info("System mail '{}' sent to {}", subject, to);
            } else {
                Path file = writeToOutbox(message);
                log.info("System mail to {} (no SMTP server configured), saved as {}:\nSubject: {}\n\n{}", to, file, subject, textBody);
            }
        } catch (MessagingException e) {
            throw new IllegalArgumentException("Cannot send mail to " + to + ": " + e.getMessage(), e);
        }
    }

    private Path writeToOutbox(MimeMessage message) throws MessagingException {
        try {
            Files.createDirectories(outbox);
            Path file = outbox.resolve(FILE_TIME.format(clock.instant()) + "-" + UUID.randomUUID() + ".eml");
            Path temp = Files.createTempFile(outbox, "mail", ".tmp");
            try (OutputStream out = Files.newOutputStream(temp)) {
                message.writeTo(out);
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
