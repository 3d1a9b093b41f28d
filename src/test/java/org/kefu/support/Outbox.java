package org.kefu.support;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the mail the desk wrote to its outbox ({@code ${kefu.data-dir}/outbox/*.eml}, the
 * embedded default without SMTP). Tests find their mail by a unique recipient address.
 */
public final class Outbox {

    private static final Path DIR = Path.of("target", "kefu-test-data", "outbox").toAbsolutePath();
    private static final Pattern PORTAL_LINK = Pattern.compile("https?://\\S+/portal/auth\\?token=[A-Za-z0-9_-]+");
    private static final Pattern INVITATION_LINK = Pattern.compile("(https?://\\S+/invite/accept\\?token=([A-Za-z0-9_-]+))");

    private Outbox() {
    }

    public record Mail(String to, String subject, String body) {

        /** The portal sign-in link in the mail, as a path ("/portal/auth?token=…"). */
        public String portalLinkPath() {
            Matcher m = PORTAL_LINK.matcher(body);
            if (!m.find()) {
                throw new AssertionError("no portal link in mail: " + body);
            }
            String url = m.group();
            return url.substring(url.indexOf("/portal/auth"));
        }
    }

    /** All mails to this address so far. */
    public static List<Mail> to(String address) {
        List<Mail> found = new ArrayList<>();
        if (!Files.isDirectory(DIR)) {
            return found;
        }
        try (Stream<Path> files = Files.list(DIR)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".eml"))
                    .sorted(java.util.Comparator.comparing(Outbox::modified).thenComparing(Path::toString)).toList()) {
                read(file).filter(m -> m.to().equalsIgnoreCase(address)).ifPresent(found::add);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return found;
    }

    /** Waits (up to 10 s) until there are {@code count} mails to the address; returns the newest. */
    public static Mail awaitMail(String address, int count) {
        Instant until = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(until)) {
            List<Mail> mails = to(address);
            if (mails.size() >= count) {
                return mails.getLast();
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("no mail #" + count + " to " + address + " in " + DIR);
    }

    /** The body of the newest mail to the address. */
    public static String lastMailTo(String address) {
        List<Mail> mails = to(address);
        if (mails.isEmpty()) {
            throw new AssertionError("no mail to " + address + " in " + DIR);
        }
        return mails.getLast().body();
    }

    /** The invitation link in the newest mail to the address. */
    public static String invitationLink(String address) {
        Matcher m = INVITATION_LINK.matcher(lastMailTo(address));
        if (!m.find()) {
            throw new AssertionError("no invitation link in the mail to " + address);
        }
        return m.group(1);
    }

    public static String invitationToken(String address) {
        String link = invitationLink(address);
        return link.substring(link.indexOf("token=") + "token=".length());
    }

    private static java.nio.file.attribute.FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return java.nio.file.attribute.FileTime.fromMillis(0);
        }
    }

    private static Optional<Mail> read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), in);
            Address[] to = message.getRecipients(Message.RecipientType.TO);
            if (to == null || to.length == 0) {
                return Optional.empty();
            }
            String recipient = ((jakarta.mail.internet.InternetAddress) to[0]).getAddress();
            return Optional.of(new Mail(recipient, message.getSubject(), text(message)));
        } catch (IOException | jakarta.mail.MessagingException e) {
            return Optional.empty(); // another test run may be writing the same folder
        }
    }

    /**
     * The text of a single-part mail, decoded without the activation framework's content handlers
     * (which other tests' mail libraries, e.g. GreenMail, may have swapped in the shared JVM).
     */
    private static String text(MimeMessage message) throws IOException, jakarta.mail.MessagingException {
        String charset = new jakarta.mail.internet.ContentType(message.getContentType()).getParameter("charset");
        byte[] bytes = message.getInputStream().readAllBytes();
        return new String(bytes, charset == null ? java.nio.charset.StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(charset));
    }
}
