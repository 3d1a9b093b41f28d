package org.kefu.channel.email;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Message ids from Message-ID, In-Reply-To and References, without angle brackets. Tolerant: ids
 * between brackets are taken wherever they are (comments, phrases and commas around them are
 * ignored); without brackets, whitespace- or comma-separated tokens that contain an "@" count.
 */
final class MessageIds {

    static final int MAX_IDS = 100;
    private static final int MAX_ID_LENGTH = 998;
    private static final Pattern ID = Pattern.compile("<\\s*([^<>\\s]+?)\\s*>|([^\\s,;<>()\"]+@[^\\s,;<>()\"]+)");
    private static final Pattern COMMENTS_AND_QUOTES = Pattern.compile("\\([^()]*\\)|\"[^\"]*\"");

    private MessageIds() {
    }

    static List<String> list(String header) {
        if (header == null || header.isBlank()) {
            return List.of();
        }
        // comments and quoted phrases ("Your message of ...") hold no ids
        String text = COMMENTS_AND_QUOTES.matcher(header.length() > 100_000 ? header.substring(0, 100_000) : header)
                .replaceAll(" ");
        Set<String> ids = new LinkedHashSet<>();
        Matcher m = ID.matcher(text);
        while (m.find() && ids.size() < MAX_IDS) {
            add(ids, m.group(1) != null ? m.group(1) : m.group(2));
        }
        return List.copyOf(ids);
    }

    /** The first id of a Message-ID header, or null when it holds none. */
    static String single(String header) {
        if (header == null) {
            return null;
        }
        List<String> ids = list(header);
        if (!ids.isEmpty()) {
            return ids.get(0);
        }
        String token = header.trim().replace("<", "").replace(">", "");
        int space = token.indexOf(' ');
        token = space > 0 ? token.substring(0, space) : token;
        return token.isEmpty() || token.length() > MAX_ID_LENGTH ? null : token;
    }

    /** A stable id for a mail without Message-ID: the same raw bytes always give the same id. */
    static String synthetic(byte[] raw) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(raw);
            return "sha256-" + HexFormat.of().formatHex(hash) + "@kefu.invalid";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static void add(Set<String> ids, String id) {
        String clean = id.strip();
        if (!clean.isEmpty() && clean.length() <= MAX_ID_LENGTH && isPrintable(clean)) {
            ids.add(clean);
        }
    }

    private static boolean isPrintable(String id) {
        return id.chars().allMatch(c -> c > 32 && c != 127);
    }
}
