package org.kefu.ticket;

import java.text.Normalizer;

/**
 * Turns the name a sender gave a file into one that is safe to store, show and offer for download:
 * no folders, no control or direction-changing characters, nothing Windows forbids, at most 200
 * characters with the extension kept. Chinese and other letters stay as they are.
 */
final class AttachmentFileName {

    static final int MAX_LENGTH = 200;
    static final String FALLBACK = "attachment";

    private AttachmentFileName() {
    }

    static String clean(String raw) {
        if (raw == null) {
            return FALLBACK;
        }
        String name = Normalizer.normalize(raw, Normalizer.Form.NFC);
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1);
        StringBuilder sb = new StringBuilder(name.length());
        name.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            if (type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE
                    || type == Character.UNASSIGNED || type == Character.PRIVATE_USE) {
                return;
            }
            if ("\"<>:|?*".indexOf(cp) >= 0) {
                sb.append('_');
            } else if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                sb.append(' ');
            } else {
                sb.appendCodePoint(cp);
            }
        });
        name = sb.toString().replaceAll(" {2,}", " ");
        name = name.replaceAll("^[ .]+", "").replaceAll("[ .]+$", "");
        name = shorten(name);
        return name.isEmpty() ? FALLBACK : name;
    }

    /** The file name's extension, lower-cased and without the dot, or "" when it has none. */
    static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot <= 0 || dot == fileName.length() - 1 ? "" : fileName.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
    }

    /** At most {@link #MAX_LENGTH} UTF-16 units (what the varchar(255) column counts on H2), never splitting a character. */
    private static String shorten(String name) {
        if (name.length() <= MAX_LENGTH) {
            return name;
        }
        String ext = extension(name);
        String suffix = ext.isEmpty() || ext.length() > 20 ? "" : "." + ext;
        String stem = suffix.isEmpty() ? name : name.substring(0, name.length() - suffix.length());
        int keep = MAX_LENGTH - suffix.length();
        if (Character.isHighSurrogate(stem.charAt(keep - 1))) {
            keep--;
        }
        return stem.substring(0, keep).strip() + suffix;
    }
}
