package org.kefu.channel.webhook;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.kefu.platform.InvalidRequestException;
import org.kefu.platform.InvalidRequestException.FieldProblem;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A gateway's message, read from the raw (already signature-checked) body. Every rule broken is
 * reported by field name; unknown fields are ignored (gateways add their own).
 *
 * @param email optional: the sender's email if the gateway knows it (matched automatically when verified)
 * @param phone optional: the sender's phone (a WhatsApp number), matched automatically when verified
 */
record InboundMessage(String externalUserId, String displayName, String text, List<RemoteFile> attachments,
        String externalMessageId, Instant sentAt, String email, String phone) {

    static final int MAX_TEXT = 100_000;

    /** A file the gateway offers by URL. */
    record RemoteFile(URI url, String name, String contentType) {
    }

    static InboundMessage parse(byte[] body, ObjectMapper json, int maxAttachments) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JacksonException | IllegalArgumentException e) {
            throw InvalidRequestException.of("body", "is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw InvalidRequestException.of("body", "must be a JSON object");
        }
        List<FieldProblem> problems = new ArrayList<>();
        String user = text(root, "externalUserId", 150, true, problems);
        String name = text(root, "displayName", 200, false, problems);
        String text = text(root, "text", MAX_TEXT, false, problems);
        String messageId = text(root, "externalMessageId", 200, true, problems);
        String email = text(root, "email", 320, false, problems);
        String phone = text(root, "phone", 40, false, problems);
        Instant sentAt = null;
        JsonNode sent = root.get("sentAt");
        if (sent != null && !sent.isNull()) {
            if (sent.isString()) {
                try {
                    sentAt = Instant.parse(sent.asString());
                } catch (DateTimeParseException e) {
                    problems.add(new FieldProblem("sentAt", "must be an ISO-8601 instant like 2026-05-01T08:00:00Z"));
                }
            } else if (sent.isIntegralNumber() && sent.canConvertToLong()) {
                sentAt = Instant.ofEpochSecond(Math.max(0, Math.min(sent.asLong(), 253_402_300_799L)));
            } else {
                problems.add(new FieldProblem("sentAt", "must be an ISO-8601 string or unix seconds"));
            }
        }
        List<RemoteFile> files = new ArrayList<>();
        JsonNode attachments = root.get("attachments");
        if (attachments != null && !attachments.isNull()) {
            if (!attachments.isArray()) {
                problems.add(new FieldProblem("attachments", "must be an array"));
            } else if (attachments.size() > maxAttachments) {
                problems.add(new FieldProblem("attachments", "at most " + maxAttachments + " files per message"));
            } else {
                for (int i = 0; i < attachments.size(); i++) {
                    JsonNode a = attachments.get(i);
                    String at = "attachments[" + i + "]";
                    if (!a.isObject()) {
                        problems.add(new FieldProblem(at, "must be an object with url, name and contentType"));
                        continue;
                    }
                    String url = text(a, "url", 2000, true, problems, at + ".");
                    String fileName = text(a, "name", 255, false, problems, at + ".");
                    String type = text(a, "contentType", 100, false, problems, at + ".");
                    if (url != null) {
                        URI uri = httpUri(url);
                        if (uri == null) {
                            problems.add(new FieldProblem(at + ".url", "must be an http or https URL"));
                        } else {
                            files.add(new RemoteFile(uri, fileName, type));
                        }
                    }
                }
            }
        }
        if (problems.isEmpty() && (text == null || text.isBlank()) && files.isEmpty()) {
            problems.add(new FieldProblem("text", "give text or attachments"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return new InboundMessage(user.strip(), name == null || name.isBlank() ? null : name.strip(),
                text == null || text.isBlank() ? null : text, List.copyOf(files), messageId.strip(), sentAt,
                email == null || email.isBlank() ? null : email.strip(), phone == null || phone.isBlank() ? null : phone.strip());
    }

    static URI httpUri(String url) {
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https")) || uri.getHost() == null) {
                return null;
            }
            return uri;
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    private static String text(JsonNode node, String field, int max, boolean required, List<FieldProblem> problems) {
        return text(node, field, max, required, problems, "");
    }

    private static String text(JsonNode node, String field, int max, boolean required, List<FieldProblem> problems,
            String prefix) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                problems.add(new FieldProblem(prefix + field, "is required"));
            }
            return null;
        }
        if (!value.isString()) {
            problems.add(new FieldProblem(prefix + field, "must be a string"));
            return null;
        }
        String s = value.asString();
        if (s.indexOf('\u0000') >= 0) {
            problems.add(new FieldProblem(prefix + field, "must not contain NUL characters"));
            return null;
        }
        if (required && s.isBlank()) {
            problems.add(new FieldProblem(prefix + field, "must not be blank"));
            return null;
        }
        if (s.length() > max) {
            problems.add(new FieldProblem(prefix + field, "must be at most " + max + " characters"));
            return null;
        }
        return s;
    }
}
