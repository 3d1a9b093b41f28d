package org.kefu.knowledge;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;

/**
 * Splits a Markdown body into passages a customer can read on their own: a heading starts a new section, and a
 * section longer than {@value #MAX_CHARS} characters is cut between its blocks (paragraphs, lists, quotes). A
 * single block longer than that is cut at sentence ends.
 */
final class PassageSplitter {

    static final int MAX_CHARS = 600;

    /** A passage: the heading of its section (or null) and its plain text. */
    record Piece(String heading, String text) {
    }

    private PassageSplitter() {
    }

    static List<Piece> split(String markdown) {
        List<Piece> out = new ArrayList<>();
        String heading = null;
        StringBuilder current = new StringBuilder();
        for (Node node = MarkdownText.parse(markdown).getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Heading) {
                flush(out, heading, current);
                heading = MarkdownText.plain(node);
                continue;
            }
            String text = MarkdownText.plain(node);
            if (text.isEmpty()) {
                continue;
            }
            if (!current.isEmpty() && current.length() + text.length() + 1 > MAX_CHARS) {
                flush(out, heading, current);
            }
            for (String part : cut(text)) {
                if (!current.isEmpty() && current.length() + part.length() + 1 > MAX_CHARS) {
                    flush(out, heading, current);
                }
                if (!current.isEmpty()) {
                    current.append('\n');
                }
                current.append(part);
            }
        }
        flush(out, heading, current);
        if (out.isEmpty() && heading != null) {
            out.add(new Piece(heading, heading));
        }
        return out;
    }

    private static void flush(List<Piece> out, String heading, StringBuilder current) {
        if (!current.isEmpty()) {
            out.add(new Piece(heading, current.toString()));
            current.setLength(0);
        }
    }

    /** Cuts a text longer than the maximum after sentence ends (。！？.!?), else hard at the maximum. */
    static List<String> cut(String text) {
        List<String> parts = new ArrayList<>();
        String rest = text;
        while (rest.length() > MAX_CHARS) {
            int at = -1;
            for (int i = MAX_CHARS - 1; i > MAX_CHARS / 3; i--) {
                char c = rest.charAt(i);
                if (c == '。' || c == '！' || c == '？' || c == '.' || c == '!' || c == '?' || c == '\n') {
                    at = i + 1;
                    break;
                }
            }
            if (at < 0) {
                at = MAX_CHARS;
                if (Character.isHighSurrogate(rest.charAt(at - 1))) {
                    at--;
                }
            }
            parts.add(rest.substring(0, at).strip());
            rest = rest.substring(at).strip();
        }
        if (!rest.isEmpty()) {
            parts.add(rest);
        }
        return parts;
    }
}
