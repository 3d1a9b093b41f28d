package org.kefu.channel.email;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One GreenMail (real SMTP and IMAP on free ports) for all email tests of the JVM; tests keep
 * apart by using their own addresses.
 */
final class TestMailServer {

    static final GreenMail GREEN = start();

    private TestMailServer() {
    }

    private static GreenMail start() {
        GreenMail green = new GreenMail(new com.icegreen.greenmail.util.ServerSetup[] {
                ServerSetupTest.SMTP.dynamicPort(), ServerSetupTest.IMAP.dynamicPort()});
        green.start();
        Runtime.getRuntime().addShutdownHook(new Thread(green::stop));
        return green;
    }

    static int smtpPort() {
        return GREEN.getSmtp().getPort();
    }

    static int imapPort() {
        return GREEN.getImap().getPort();
    }

    /** A port nothing listens on: SMTP "down". */
    static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Mail GreenMail received for this address. */
    static List<MimeMessage> receivedBy(String address) {
        return Arrays.stream(GREEN.getReceivedMessages()).filter(m -> {
            try {
                Message.RecipientType to = Message.RecipientType.TO;
                return m.getRecipients(to) != null && Arrays.stream(m.getRecipients(to))
                        .anyMatch(a -> a.toString().toLowerCase().contains(address.toLowerCase()));
            } catch (MessagingException e) {
                return false;
            }
        }).toList();
    }

    /** Mailbox settings for the API: SMTP (and IMAP when a user is given) on GreenMail, without TLS. */
    static Map<String, Object> mailbox(String fromAddress, String imapUser, String imapPassword, int smtpPort) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("name", "测试邮箱 " + fromAddress);
        m.put("fromAddress", fromAddress);
        if (imapUser != null) {
            m.put("imapHost", "127.0.0.1");
            m.put("imapPort", imapPort());
            m.put("imapSecurity", "NONE");
            m.put("imapUser", imapUser);
            m.put("imapPassword", imapPassword);
        }
        m.put("smtpHost", "127.0.0.1");
        m.put("smtpPort", smtpPort);
        m.put("smtpSecurity", "NONE");
        m.put("pollIntervalSeconds", 10);
        return m;
    }
}
