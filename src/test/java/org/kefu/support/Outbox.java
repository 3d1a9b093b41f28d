package org.kefu.support;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Reads the mail the desk wrote to its outbox in tests (no SMTP server is configured there). */
public final class Outbox {

    private static final Path DIR = Path.of(System.getProperty("java.io.tmpdir"), "kefu-test-data", "outbox");
    private static final Pattern LINK = Pattern.compile("(https?://\\S+/invite/accept\\?token=([A-Za-z0-9_-]+))");

    private Outbox() {
    }

    private static java.nio.file.attribute.FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (java.io.IOException e) {
            return java.nio.file.attribute.FileTime.fromMillis(0);
        }
    }

    /** The body of the newest mail to the address. */
    public static String lastMailTo(String address) throws Exception {
        List<Path> files;
        try (Stream<Path> list = Files.list(DIR)) {
            files = list.filter(p -> p.toString().endsWith(".eml"))
                    .sorted(Comparator.comparing(Outbox::modified).reversed()).toList();
        }
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), in);
                if (message.getRecipients(MimeMessage.RecipientType.TO)[0].toString().equalsIgnoreCase(address)) {
                    return message.getContent().toString();
                }
            }
        }
        throw new AssertionError("no mail to " + address + " in " + DIR);
    }

    /** The invitation link in the newest mail to the address. */
    public static String invitationLink(String address) throws Exception {
        Matcher m = LINK.matcher(lastMailTo(address));
        if (!m.find()) {
            throw new AssertionError("no invitation link in the mail to " + address);
        }
        return m.group(1);
    }

    public static String invitationToken(String address) throws Exception {
        String link = invitationLink(address);
        return link.substring(link.indexOf("token=") + "token=".length());
    }
}
