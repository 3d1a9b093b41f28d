package org.kefu.channel.email;

import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.kefu.support.Api;
import tools.jackson.databind.JsonNode;

/** Mails as a customer's mail client writes them, and the inbound API call an MTA would make. */
final class TestMails {

    private TestMails() {
    }

    /** A builder-ish mail: From with display name, UTF-8 subject and text, optional headers and files. */
    static final class Mail {
        final String from;
        final String name;
        final String to;
        String subject;
        String text;
        String messageId;
        final Map<String, String> headers = new LinkedHashMap<>();
        final Map<String, byte[]> files = new LinkedHashMap<>();

        Mail(String from, String name, String to, String subject, String text) {
            this.from = from;
            this.name = name;
            this.to = to;
            this.subject = subject;
            this.text = text;
        }

        Mail id(String id) {
            this.messageId = id;
            return this;
        }

        Mail header(String header, String value) {
            headers.put(header, value);
            return this;
        }

        Mail file(String fileName, byte[] content) {
            files.put(fileName, content);
            return this;
        }

        MimeMessage message() throws Exception {
            MimeMessage m = new MimeMessage(Session.getInstance(new Properties())) {
                @Override
                protected void updateMessageID() throws jakarta.mail.MessagingException {
                    if (messageId != null) {
                        setHeader("Message-ID", "<" + messageId + ">");
                    }
                }
            };
            m.setFrom(new InternetAddress(from, name, "UTF-8"));
            m.setRecipients(MimeMessage.RecipientType.TO, to);
            m.setSubject(subject, "UTF-8");
            m.setSentDate(new java.util.Date());
            if (files.isEmpty()) {
                m.setText(text, "UTF-8");
            } else {
                MimeMultipart mixed = new MimeMultipart("mixed");
                MimeBodyPart body = new MimeBodyPart();
                body.setText(text, "UTF-8");
                mixed.addBodyPart(body);
                for (var f : files.entrySet()) {
                    MimeBodyPart part = new MimeBodyPart();
                    part.setContent(f.getValue(), "application/octet-stream");
                    part.setFileName(jakarta.mail.internet.MimeUtility.encodeText(f.getKey(), "UTF-8", "B"));
                    part.setDisposition(MimeBodyPart.ATTACHMENT);
                    mixed.addBodyPart(part);
                }
                m.setContent(mixed);
            }
            for (var h : headers.entrySet()) {
                m.setHeader(h.getKey(), h.getValue());
            }
            m.saveChanges();
            for (var h : headers.entrySet()) {
                m.setHeader(h.getKey(), h.getValue());
            }
            return m;
        }

        byte[] raw() throws Exception {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            message().writeTo(out);
            return out.toByteArray();
        }
    }

    /** A delivery status notification for the mail with this Message-ID, as a mailer-daemon sends it. */
    static byte[] bounce(String to, String bouncedMessageId, String failedRecipient) {
        String boundary = "dsn-boundary-1";
        String raw = "From: Mail Delivery System <MAILER-DAEMON@mx.example.com>\r\n"
                + "To: " + to + "\r\n"
                + "Subject: Undelivered Mail Returned to Sender\r\n"
                + "Message-ID: <bounce." + java.util.UUID.randomUUID() + "@mx.example.com>\r\n"
                + "Auto-Submitted: auto-replied\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"" + boundary + "\"\r\n\r\n"
                + "--" + boundary + "\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n"
                + "The mail could not be delivered to <" + failedRecipient + ">: 550 5.1.1 user unknown\r\n\r\n"
                + "--" + boundary + "\r\nContent-Type: message/delivery-status\r\n\r\n"
                + "Reporting-MTA: dns; mx.example.com\r\n\r\nFinal-Recipient: rfc822; " + failedRecipient + "\r\n"
                + "Action: failed\r\nStatus: 5.1.1\r\n\r\n"
                + "--" + boundary + "\r\nContent-Type: message/rfc822\r\n\r\n"
                + "From: support@desk.example.com\r\nTo: " + failedRecipient + "\r\nSubject: Re: x\r\n"
                + "Message-ID: <" + bouncedMessageId + ">\r\n\r\nreply text\r\n\r\n"
                + "--" + boundary + "--\r\n";
        return raw.getBytes(StandardCharsets.US_ASCII);
    }

    record Posted(int status, JsonNode body, String raw) {
    }

    /** POSTs a raw message to the inbound API as an MTA pipe would. */
    static Posted post(int port, String token, byte[] raw, Long mailboxId, String contentType) {
        String query = mailboxId == null ? "" : "?mailbox=" + mailboxId;
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/channels/email/inbound" + query))
                .header("Authorization", "Bearer " + token).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(raw)).build();
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            String text = r.body();
            JsonNode json = text != null && text.strip().startsWith("{") ? Api.JSON.readTree(text) : null;
            return new Posted(r.statusCode(), json, text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
