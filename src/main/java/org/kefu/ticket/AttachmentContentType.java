package org.kefu.ticket;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Decides an attachment's content type from its first bytes, not from what the sender claimed.
 * Known binary formats are recognised by their signature; text is typed by its extension (or the
 * claimed type, if that is a text type we know), and markup that a browser would run is called what
 * it is. Anything else is {@code application/octet-stream}.
 */
final class AttachmentContentType {

    static final String OCTET_STREAM = "application/octet-stream";
    /** How many leading bytes {@link #of} looks at. */
    static final int HEAD = 512;

    /** Types a browser could render as an active document; served only as downloads of unknown type. */
    static final Set<String> ACTIVE = Set.of("text/html", "image/svg+xml", "application/xml", "text/xml",
            "application/xhtml+xml", "text/javascript", "application/javascript");

    private static final Map<String, String> ZIP_BASED = Map.of(
            "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            "odt", "application/vnd.oasis.opendocument.text",
            "ods", "application/vnd.oasis.opendocument.spreadsheet",
            "odp", "application/vnd.oasis.opendocument.presentation",
            "epub", "application/epub+zip");

    private static final Map<String, String> OLE_BASED = Map.of(
            "doc", "application/msword",
            "xls", "application/vnd.ms-excel",
            "ppt", "application/vnd.ms-powerpoint",
            "msg", "application/vnd.ms-outlook");

    private static final Map<String, String> TEXT = Map.ofEntries(
            Map.entry("txt", "text/plain"), Map.entry("log", "text/plain"), Map.entry("csv", "text/csv"),
            Map.entry("tsv", "text/tab-separated-values"), Map.entry("md", "text/markdown"),
            Map.entry("json", "application/json"), Map.entry("xml", "application/xml"),
            Map.entry("html", "text/html"), Map.entry("htm", "text/html"), Map.entry("xhtml", "application/xhtml+xml"),
            Map.entry("svg", "image/svg+xml"), Map.entry("js", "text/javascript"),
            Map.entry("eml", "message/rfc822"), Map.entry("ics", "text/calendar"), Map.entry("vcf", "text/vcard"));

    private AttachmentContentType() {
    }

    static String of(String fileName, String claimed, byte[] head) {
        String ext = AttachmentFileName.extension(fileName == null ? "" : fileName);
        String binary = signature(head, ext);
        if (binary != null) {
            return binary;
        }
        if (!looksLikeText(head)) {
            return OCTET_STREAM;
        }
        String markup = markup(head);
        if (markup != null) {
            return markup;
        }
        if (TEXT.containsKey(ext)) {
            return TEXT.get(ext);
        }
        String claimedType = claimed == null ? "" : claimed.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return ext.isEmpty() && TEXT.containsValue(claimedType) ? claimedType : "text/plain";
    }

    private static String signature(byte[] h, String ext) {
        if (starts(h, "%PDF-")) {
            return "application/pdf";
        }
        if (starts(h, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return "image/png";
        }
        if (starts(h, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (starts(h, "GIF87a") || starts(h, "GIF89a")) {
            return "image/gif";
        }
        if (starts(h, "RIFF") && at(h, 8, "WEBP")) {
            return "image/webp";
        }
        if (starts(h, "RIFF") && at(h, 8, "WAVE")) {
            return "audio/wav";
        }
        if (starts(h, "RIFF") && at(h, 8, "AVI ")) {
            return "video/x-msvideo";
        }
        if (starts(h, 'I', 'I', 0x2A, 0x00) || starts(h, 'M', 'M', 0x00, 0x2A)) {
            return "image/tiff";
        }
        if (starts(h, "BM") && ext.equals("bmp")) {
            return "image/bmp";
        }
        if (at(h, 4, "ftyp")) {
            String brand = h.length >= 12 ? new String(h, 8, 4, StandardCharsets.ISO_8859_1) : "";
            return switch (brand) {
                case "heic", "heix", "mif1", "msf1" -> "image/heic";
                case "M4A " -> "audio/mp4";
                case "qt  " -> "video/quicktime";
                default -> "video/mp4";
            };
        }
        if (starts(h, "ID3") || starts(h, 0xFF, 0xFB) && ext.equals("mp3")) {
            return "audio/mpeg";
        }
        if (starts(h, "OggS")) {
            return "audio/ogg";
        }
        if (starts(h, 0x1A, 0x45, 0xDF, 0xA3)) {
            return "video/webm";
        }
        if (starts(h, 'P', 'K', 0x03, 0x04) || starts(h, 'P', 'K', 0x05, 0x06)) {
            return ZIP_BASED.getOrDefault(ext, "application/zip");
        }
        if (starts(h, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
            return OLE_BASED.getOrDefault(ext, OCTET_STREAM);
        }
        if (starts(h, 0x1F, 0x8B)) {
            return "application/gzip";
        }
        if (starts(h, "Rar!")) {
            return "application/vnd.rar";
        }
        if (starts(h, '7', 'z', 0xBC, 0xAF, 0x27, 0x1C)) {
            return "application/x-7z-compressed";
        }
        return null;
    }

    /** No NUL bytes and hardly any other control characters: text in UTF-8, GBK, Big5 or the like. */
    private static boolean looksLikeText(byte[] h) {
        int control = 0;
        for (byte b : h) {
            int c = b & 0xFF;
            if (c == 0) {
                return false;
            }
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1B) {
                control++;
            }
        }
        return control * 20 <= h.length;
    }

    private static String markup(byte[] h) {
        String text = new String(h, StandardCharsets.ISO_8859_1).stripLeading().toLowerCase(Locale.ROOT);
        if (text.startsWith("\u00ef\u00bb\u00bf")) {
            text = text.substring(3).stripLeading();
        }
        if (text.startsWith("<!doctype html") || text.startsWith("<html") || text.startsWith("<head")
                || text.startsWith("<body") || text.startsWith("<script") || text.startsWith("<iframe")) {
            return "text/html";
        }
        if (text.startsWith("<svg") || text.startsWith("<?xml") && text.contains("<svg")) {
            return "image/svg+xml";
        }
        return null;
    }

    private static boolean starts(byte[] h, String ascii) {
        return at(h, 0, ascii);
    }

    private static boolean at(byte[] h, int offset, String ascii) {
        byte[] expected = ascii.getBytes(StandardCharsets.ISO_8859_1);
        return h.length >= offset + expected.length
                && Arrays.equals(h, offset, offset + expected.length, expected, 0, expected.length);
    }

    private static boolean starts(byte[] h, int... bytes) {
        if (h.length < bytes.length) {
            return false;
        }
        for (int i = 0; i < bytes.length; i++) {
            if ((h[i] & 0xFF) != bytes[i]) {
                return false;
            }
        }
        return true;
    }
}
