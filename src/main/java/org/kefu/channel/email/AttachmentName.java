package org.kefu.channel.email;

import java.util.Map;

/**
 * The file name of an attachment as it may be stored and shown: the decoded name without any
 * path, control characters or characters that are unsafe on common file systems, at most 200
 * characters; a part without a name gets {@code part-<n>.<extension of its type>}.
 */
final class AttachmentName {

    private static final Map<String, String> EXTENSIONS = Map.ofEntries(Map.entry("image/png", "png"),
            Map.entry("image/jpeg", "jpg"), Map.entry("image/jpg", "jpg"), Map.entry("image/gif", "gif"),
            Map.entry("image/webp", "webp"), Map.entry("image/bmp", "bmp"), Map.entry("application/pdf", "pdf"),
            Map.entry("text/plain", "txt"), Map.entry("text/html", "html"), Map.entry("text/calendar", "ics"),
            Map.entry("message/rfc822", "eml"), Map.entry("application/zip", "zip"));

    private AttachmentName() {
    }

    static String of(String decoded, String contentType, int position) {
        String name = decoded == null ? "" : decoded;
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1);
        StringBuilder clean = new StringBuilder(name.length());
        name.codePoints().forEach(c -> {
            if (!Character.isISOControl(c) && "<>:\"|?*".indexOf(c) < 0 && c != 0xFFFD) {
                clean.appendCodePoint(c);
            }
        });
        String result = clean.toString().strip();
        while (result.startsWith(".")) {
            result = result.substring(1);
        }
        if (result.codePointCount(0, result.length()) > 200) {
            int dot = result.lastIndexOf('.');
            String extension = dot > 0 && result.length() - dot <= 10 ? result.substring(dot) : "";
            result = result.substring(0, result.offsetByCodePoints(0, 200 - extension.length())) + extension;
        }
        if (result.isBlank()) {
            return "part-" + position + "." + EXTENSIONS.getOrDefault(contentType, "bin");
        }
        return result;
    }
}
