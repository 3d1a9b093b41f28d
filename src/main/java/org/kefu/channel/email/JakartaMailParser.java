package org.kefu.channel.email;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MailDateFormat;
import java.text.ParsePosition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kefu.channel.email.ParsedMail.MailAddress;
import org.kefu.channel.email.ParsedMail.MailKind;
import org.kefu.channel.email.ParsedMail.MailPart;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * {@link MailParser} with Jakarta Mail (Angus) for headers, addresses and dates; the MIME structure is
 * split in linear time by {@link MimeReading}, and charsets, encoded words, parameters and transfer
 * encodings are decoded here, leniently (see {@link MailCharsets}, {@link EncodedWords},
 * {@link HeaderValue}, {@link TransferEncodings}).
 * Guards: at most {@value #MAX_DEPTH} levels of nesting, {@value #MAX_PARTS} parts and a
 * configurable total of decoded bytes ({@code kefu.email.max-decoded-bytes}, default 64MB); what lies
 * beyond is skipped and named in the problems.
 */
@Component
class JakartaMailParser implements MailParser {

    static final int MAX_DEPTH = 50;
    static final int MAX_PARTS = 1000;
    private static final Pattern BODY_MESSAGE_ID = Pattern.compile("(?im)^[ \\t>]*(?:Original-)?Message-ID:[ \\t]*(\\S.*)$");
    private static final Pattern ORIGINAL_MESSAGE_ID = Pattern.compile("(?im)^[ \\t]*(?:X-)?Original-Message-ID:[ \\t]*(\\S.*)$");
    private static final Set<String> SIGNATURES = Set.of("application/pkcs7-signature",
            "application/x-pkcs7-signature", "application/pgp-signature");

    private final long maxDecodedBytes;

    JakartaMailParser(@Value("${kefu.email.max-decoded-bytes:64MB}") DataSize maxDecodedBytes) {
        this.maxDecodedBytes = maxDecodedBytes.toBytes();
    }

    @Override
    public ParsedMail parse(byte[] raw) {
        byte[] bytes = raw == null ? new byte[0] : raw;
        try {
            return new Reading(bytes).read();
        } catch (RuntimeException | StackOverflowError e) {
            return new ParsedMail(MessageIds.synthetic(bytes), List.of(), List.of(), null, List.of(), List.of(),
                    List.of(), null, "", null, MailCharsets.guess(bytes), null, List.of(), MailKind.PERSONAL, null,
                    List.of("the mail could not be read as MIME (" + e.getClass().getSimpleName() + "); kept as text"));
        }
    }

    /** A body piece: text, and the sanitised HTML if the piece was HTML. */
    private record Piece(String text, String html) {
    }

    /** One parse: the state collected while walking the MIME tree. */
    private final class Reading {
        private final byte[] raw;
        private final List<Piece> pieces = new ArrayList<>();
        private final List<MailPart> attachments = new ArrayList<>();
        private final Set<String> problems = new LinkedHashSet<>();
        private long decoded;
        private int parts;
        private boolean deliveryStatus;
        private String bouncedMessageId;
        private String deliveryStatusText;

        Reading(byte[] raw) {
            this.raw = raw;
        }

        ParsedMail read() {
            MimeReading.Entity message = MimeReading.entity(MimeReading.Window.of(raw));
            String messageId = MessageIds.single(first(message, "Message-ID"));
            if (messageId == null) {
                messageId = MessageIds.synthetic(raw);
            }
            for (String name : List.of("Message-ID", "Subject", "From", "Date")) {
                if (all(message, name).length > 1) {
                    problems.add("duplicate " + name + " header; the first one is used");
                }
            }
            List<String> inReplyTo = MessageIds.list(joined(message, "In-Reply-To"));
            List<String> references = MessageIds.list(joined(message, "References"));
            String subject = decodedHeader(message, "Subject");
            String returnPath = returnPath(first(message, "Return-Path"));
            MailAddress from = firstOf(addresses(first(message, "From"), "From"));
            if (from == null) {
                from = firstOf(addresses(first(message, "Sender"), "Sender"));
            }
            if (from == null && returnPath != null && !returnPath.isEmpty()) {
                from = new MailAddress(returnPath, null);
            }
            Instant sentAt = date(first(message, "Date"));
            HeaderValue contentType = HeaderValue.parse(first(message, "Content-Type"));

            walk(message, 0, false, false);

            String text = join(pieces.stream().map(Piece::text).toList());
            String html = pieces.stream().anyMatch(p -> p.html() != null)
                    ? join(pieces.stream().map(p -> p.html() != null ? p.html() : asHtml(p.text())).toList())
                    : null;
            MailKind kind = MailKindRule.classify(new MailKindRule.Signals(first(message, "Auto-Submitted"),
                    first(message, "X-Autoreply") != null || first(message, "X-Autorespond") != null
                            || first(message, "X-Autogenerated") != null,
                    first(message, "X-Auto-Response-Suppress"), first(message, "Precedence"),
                    first(message, "List-Unsubscribe") != null, first(message, "List-Unsubscribe-Post") != null,
                    first(message, "X-Failed-Recipients") != null,
                    contentType.mimeType().equals("multipart/report") ? contentType.parameter("report-type") : null,
                    deliveryStatus, from == null ? null : from.address(), returnPath, subject));
            String bounced = kind == MailKind.BOUNCE ? bouncedId(text) : null;
            return new ParsedMail(messageId, inReplyTo, references, from,
                    addresses(first(message, "Reply-To"), "Reply-To"), addresses(joined(message, "To"), "To"),
                    addresses(joined(message, "Cc"), "Cc"), returnPath, subject == null ? "" : subject, sentAt, text,
                    html, List.copyOf(attachments), kind, bounced, List.copyOf(problems));
        }

        private String bouncedId(String text) {
            if (bouncedMessageId != null) {
                return bouncedMessageId;
            }
            if (deliveryStatusText != null) {
                Matcher m = ORIGINAL_MESSAGE_ID.matcher(deliveryStatusText);
                if (m.find()) {
                    return MessageIds.single(m.group(1));
                }
            }
            Matcher m = BODY_MESSAGE_ID.matcher(text.length() > 1_000_000 ? text.substring(0, 1_000_000) : text);
            return m.find() ? MessageIds.single(m.group(1)) : null;
        }

        /** Walks a part; {@code report} inside a multipart/report, {@code related} inside multipart/related. */
        private void walk(MimeReading.Entity part, int depth, boolean report, boolean related) {
            if (depth > MAX_DEPTH) {
                problems.add("MIME nesting deeper than " + MAX_DEPTH + " levels; the inner parts were skipped");
                return;
            }
            if (++parts > MAX_PARTS) {
                problems.add("more than " + MAX_PARTS + " MIME parts; the rest were skipped");
                return;
            }
            HeaderValue contentType = HeaderValue.parse(first(part, "Content-Type"));
            String type = contentType.mimeType();
            if (type.startsWith("multipart/")) {
                multipart(part, contentType, depth, report);
            } else if (type.equals("message/rfc822") || type.equals("message/global")) {
                message(part, depth, report);
            } else if (type.equals("text/rfc822-headers") || type.equals("text/global-headers")) {
                byte[] content = content(part);
                if (content != null) {
                    rememberBounced(MessageIds.single(headerOf(content, "Message-ID")));
                }
            } else if (type.equals("message/disposition-notification")
                    || type.equals("message/global-disposition-notification")) {
                content(part); // a read receipt's machine part: counted, not an attachment
            } else if (type.equals("message/delivery-status") || type.equals("message/global-delivery-status")) {
                deliveryStatus = true;
                byte[] content = content(part);
                if (content != null) {
                    deliveryStatusText = MailCharsets.guess(content);
                }
            } else {
                leaf(part, contentType, depth, related);
            }
        }

        private void multipart(MimeReading.Entity part, HeaderValue contentType, int depth, boolean report) {
            String subtype = contentType.mimeType().substring("multipart/".length());
            List<MimeReading.Entity> children = new ArrayList<>();
            for (MimeReading.Window window : MimeReading.split(part.body(), contentType.parameter("boundary"),
                    MAX_PARTS)) {
                children.add(MimeReading.entity(window));
            }
            if (children.isEmpty()) {
                problems.add("a multipart/" + subtype + " part has no boundary line; kept as text");
                byte[] content = content(part);
                if (content != null) {
                    pieces.add(new Piece(MailCharsets.guess(content), null));
                }
                return;
            }
            boolean isReport = report || subtype.equals("report");
            if (subtype.equals("alternative")) {
                alternative(children, depth, isReport);
                return;
            }
            for (int i = 0; i < children.size(); i++) {
                MimeReading.Entity child = children.get(i);
                if (subtype.equals("signed") && i > 0
                        && SIGNATURES.contains(HeaderValue.parse(first(child, "Content-Type")).mimeType())) {
                    continue; // the signature is not an attachment a person sent
                }
                walk(child, depth + 1, isReport, subtype.equals("related"));
            }
        }

        /** Of alternatives, the last plain text gives the text and the last richer one the HTML. */
        private void alternative(List<MimeReading.Entity> children, int depth, boolean report) {
            MimeReading.Entity plain = null;
            MimeReading.Entity rich = null;
            for (MimeReading.Entity child : children) {
                String type = HeaderValue.parse(first(child, "Content-Type")).mimeType();
                if (type.equals("text/plain")) {
                    plain = child;
                } else if (type.equals("text/html") || type.startsWith("multipart/")) {
                    rich = child;
                }
            }
            if (plain == null && rich == null && !children.isEmpty()) {
                rich = children.get(children.size() - 1);
            }
            if (plain == null || rich == null) {
                walk(plain != null ? plain : rich, depth + 1, report, false);
                return;
            }
            int before = pieces.size();
            walk(rich, depth + 1, report, false);
            List<Piece> richPieces = new ArrayList<>(pieces.subList(before, pieces.size()));
            pieces.subList(before, pieces.size()).clear();
            walk(plain, depth + 1, report, false);
            List<Piece> plainPieces = new ArrayList<>(pieces.subList(before, pieces.size()));
            pieces.subList(before, pieces.size()).clear();
            String html = richPieces.stream().anyMatch(p -> p.html() != null)
                    ? join(richPieces.stream().map(p -> p.html() != null ? p.html() : asHtml(p.text())).toList())
                    : null;
            String text = join(plainPieces.stream().map(Piece::text).toList());
            if (text.isBlank()) {
                text = join(richPieces.stream().map(Piece::text).toList());
            }
            pieces.add(new Piece(text, html));
        }

        private void message(MimeReading.Entity part, int depth, boolean report) {
            MimeReading.Window window;
            String encoding = first(part, "Content-Transfer-Encoding");
            String name = encoding == null ? "" : HeaderValue.parse(encoding).value();
            if (name.equals("base64") || name.equals("quoted-printable")) {
                byte[] content = content(part);
                if (content == null) {
                    return;
                }
                window = MimeReading.Window.of(content);
            } else {
                window = part.body(); // the attached message is read in place, not copied
            }
            MimeReading.Entity nested = MimeReading.entity(window);
            String nestedId = MessageIds.single(first(nested, "Message-ID"));
            if (report) {
                rememberBounced(nestedId);
                return; // the returned original is evidence, not something the customer wrote
            }
            StringBuilder header = new StringBuilder("---------- Forwarded message ----------\n");
            appendField(header, "From", decodedHeader(nested, "From"));
            appendField(header, "Date", decodedHeader(nested, "Date"));
            appendField(header, "Subject", decodedHeader(nested, "Subject"));
            appendField(header, "To", decodedHeader(nested, "To"));
            pieces.add(new Piece(header.toString().strip(), null));
            // a customer forwarding a bounce is not a bounce: DSN parts inside a forwarded mail do not count
            boolean outerDeliveryStatus = deliveryStatus;
            String outerBounced = bouncedMessageId;
            String outerStatusText = deliveryStatusText;
            walk(nested, depth + 1, false, false);
            deliveryStatus = outerDeliveryStatus;
            bouncedMessageId = outerBounced;
            deliveryStatusText = outerStatusText;
        }

        private void leaf(MimeReading.Entity part, HeaderValue contentType, int depth, boolean related) {
            String type = contentType.mimeType();
            HeaderValue disposition = HeaderValue.parse(first(part, "Content-Disposition"));
            String fileName = disposition.parameter("filename");
            if (fileName == null || fileName.isBlank()) {
                fileName = contentType.parameter("name");
            }
            boolean named = fileName != null && !fileName.isBlank();
            boolean text = type.equals("text/plain") || type.equals("text/html");
            boolean asAttachment = disposition.value().equals("attachment") || (named && depth > 0);
            byte[] content = content(part);
            if (content == null) {
                return;
            }
            if (text && !asAttachment) {
                String decoded = MailCharsets.decode(content, contentType.parameter("charset"));
                if (type.equals("text/html")) {
                    HtmlBody.Rendered rendered = HtmlBody.render(decoded);
                    pieces.add(new Piece(rendered.text(), rendered.html()));
                } else {
                    pieces.add(new Piece(plainText(decoded, contentType), null));
                }
                return;
            }
            String contentId = MessageIds.single(first(part, "Content-ID"));
            boolean inline = disposition.value().equals("inline")
                    || (contentId != null && !disposition.value().equals("attachment") && (related || type.startsWith("image/")));
            attachments.add(new MailPart(AttachmentName.of(fileName, type, attachments.size() + 1), type, content,
                    contentId, inline));
        }

        /** The decoded content of a part, or null when it is beyond the decoded-size budget. */
        private byte[] content(MimeReading.Entity part) {
            MimeReading.Window body = part.body();
            long budget = maxDecodedBytes - decoded;
            String encoding = first(part, "Content-Transfer-Encoding");
            String name = encoding == null ? "" : HeaderValue.parse(encoding).value();
            // base64 shrinks by a quarter; anything else is at most as long as its raw form
            long rawLimit = name.equals("base64") ? budget * 4 / 3 + 8 : budget;
            if (body.length() > rawLimit) {
                problems.add("decoded content over " + maxDecodedBytes + " bytes; further parts were dropped");
                decoded = maxDecodedBytes;
                return null;
            }
            TransferEncodings.Decoded result = TransferEncodings.decode(body.copy(body.length()), name);
            if (result.damaged()) {
                problems.add("broken base64 content; what could be decoded is kept");
            }
            if (decoded + result.bytes().length > maxDecodedBytes) {
                problems.add("decoded content over " + maxDecodedBytes + " bytes; further parts were dropped");
                decoded = maxDecodedBytes;
                return null;
            }
            decoded += result.bytes().length;
            return result.bytes();
        }

        private void rememberBounced(String id) {
            if (bouncedMessageId == null && id != null) {
                bouncedMessageId = id;
            }
        }

        private List<MailAddress> addresses(String header, String name) {
            if (header == null || header.isBlank()) {
                return List.of();
            }
            List<MailAddress> result = new ArrayList<>();
            try {
                if (header.length() > 65_536 || header.chars().filter(c -> c == '<').count() > 1_000) {
                    // Jakarta Mail's lenient address parser is quadratic in unbalanced brackets
                    throw new AddressException("too long or too many brackets");
                }
                for (InternetAddress address : InternetAddress.parseHeader(unfold(header), false)) {
                    if (address.getAddress() == null || address.getAddress().isBlank() || address.isGroup()) {
                        continue;
                    }
                    result.add(new MailAddress(EncodedWords.decode(address.getAddress()).strip(), personal(address)));
                }
            } catch (AddressException | RuntimeException e) {
                problems.add(name + " header is malformed; addresses taken from it as far as readable");
                for (String address : LooseAddresses.find(header, 100 - result.size())) {
                    result.add(new MailAddress(address, null));
                }
            }
            return result.size() > 100 ? List.copyOf(result.subList(0, 100)) : List.copyOf(result);
        }
    }

    /** The display name as written (InternetAddress keeps it encoded), decoded by our own rules. */
    private static String personal(InternetAddress address) {
        String written = address.toString();
        int bracket = written.lastIndexOf(" <");
        if (bracket <= 0) {
            return null;
        }
        String phrase = written.substring(0, bracket).strip();
        if (phrase.length() >= 2 && phrase.startsWith("\"") && phrase.endsWith("\"")) {
            phrase = phrase.substring(1, phrase.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
        }
        String decoded = EncodedWords.decode(phrase).strip();
        if (decoded.length() >= 2 && decoded.startsWith("\"") && decoded.endsWith("\"")) {
            decoded = decoded.substring(1, decoded.length() - 1).strip();
        }
        return decoded.isEmpty() ? null : decoded;
    }

    private static String plainText(String text, HeaderValue contentType) {
        String normalised = text.replace("\r\n", "\n").replace('\r', '\n');
        if (!"flowed".equalsIgnoreCase(contentType.parameter("format"))) {
            return normalised;
        }
        return Flowed.unwrap(normalised, "yes".equalsIgnoreCase(contentType.parameter("delsp")));
    }

    private static void appendField(StringBuilder out, String name, String value) {
        if (value != null && !value.isBlank()) {
            out.append(name).append(": ").append(value.strip()).append('\n');
        }
    }

    private static String asHtml(String text) {
        return "<pre>" + org.jsoup.nodes.Entities.escape(text) + "</pre>";
    }

    private static String join(List<String> parts) {
        StringBuilder out = new StringBuilder();
        for (String part : parts) {
            if (part == null || part.isBlank()) {
                continue;
            }
            if (!out.isEmpty()) {
                out.append("\n\n");
            }
            out.append(part.strip());
        }
        return out.toString();
    }

    private static MailAddress firstOf(List<MailAddress> addresses) {
        return addresses.isEmpty() ? null : addresses.get(0);
    }

    private static String returnPath(String header) {
        if (header == null) {
            return null;
        }
        String value = unfold(header).strip();
        if (value.replace(" ", "").equals("<>")) {
            return "";
        }
        List<String> found = LooseAddresses.find(value, 1);
        return found.isEmpty() ? value.replace("<", "").replace(">", "").strip() : found.get(0);
    }

    private static Instant date(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            String text = unfold(header).strip();
            Date date = new MailDateFormat().parse(text.length() > 200 ? text.substring(0, 200) : text, new ParsePosition(0));
            return date == null ? null : date.toInstant();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String decodedHeader(MimeReading.Entity part, String name) {
        String value = first(part, name);
        return value == null ? null : EncodedWords.decode(unfold(value)).strip();
    }

    private static String first(MimeReading.Entity part, String name) {
        String[] values = all(part, name);
        return values.length == 0 ? null : values[0];
    }

    private static String joined(MimeReading.Entity part, String name) {
        String[] values = all(part, name);
        return values.length == 0 ? null : String.join(", ", values);
    }

    private static String[] all(MimeReading.Entity part, String name) {
        return part.header(name);
    }

    private static String headerOf(byte[] headerBlock, String name) {
        InternetHeaders headers = MimeReading.headers(MimeReading.Window.of(headerBlock)).headers();
        return headers.getHeader(name, null);
    }

    static String unfold(String value) {
        return value.replaceAll("\r?\n(?=[ \t])", "").replace("\r", "").replace("\n", " ");
    }
}
