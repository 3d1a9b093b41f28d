package org.kefu.channel.email;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Message ids from Message-ID, In-Reply-To and References, without angle brackets. Tolerant: ids
 * between brackets are taken wherever they are (comments, phrases and commas around them are
 * ignored); without brackets, whitespace- or comma-separated tokens that contain an "@" count.
 */
final class MessageIds {

    static final int MAX_IDS = 100;
    private static final int MAX_ID_LENGTH = 998;
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
        int n = text.length();
        int i = 0;
        while (i < n && ids.size() < MAX_IDS) {
            char c = text.charAt(i);
            if (c == '<') {
                int start = skipSpace(text, i + 1);
                int end = start;
                while (end < n && text.charAt(end) != '<' && text.charAt(end) != '>'
                        && !Character.isWhitespace(text.charAt(end))) {
                    end++;
                }
                int close = skipSpace(text, end);
                if (close < n && text.charAt(close) == '>' && end > start) {
                    add(ids, text.substring(start, end));
                    i = close + 1;
                } else {
                    i = Math.max(end, i + 1);
                }
            } else if (Character.isWhitespace(c) || ",;<>()\"".indexOf(c) >= 0) {
                i++;
            } else {
                int end = i;
                while (end < n && !Character.isWhitespace(text.charAt(end)) && ",;<>()\"".indexOf(text.charAt(end)) < 0) {
                    end++;
                }
                int at = text.indexOf('@', i);
                if (at > i && at < end - 1) {
                    add(ids, text.substring(i, end));
                }
                i = end;
            }
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

    private static int skipSpace(String text, int from) {
        int i = from;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
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
