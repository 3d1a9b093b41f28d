package org.kefu.channel.email;

import jakarta.mail.internet.InternetHeaders;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the MIME structure over the raw bytes in linear time: header blocks, and multipart bodies
 * split at their boundary lines. Each entity keeps its headers in Jakarta Mail's InternetHeaders and
 * its body as a window on the same bytes, never a copy. Jakarta Mail's MimeMessage/MimeBodyPart/
 * MimeMultipart are not used for reading: its multipart parser slows down badly on long lines
 * without a boundary, every BodyPart and header block looks its StreamProvider up through a
 * ServiceLoader class-path scan (milliseconds each), and folded header lines are joined quadratically.
 */
final class MimeReading {

    private MimeReading() {
    }

    /** Bytes {@code from} (inclusive) to {@code to} (exclusive) of {@code bytes}. */
    record Window(byte[] bytes, int from, int to) {
        Window {
            if (from < 0 || to > bytes.length || from > to) {
                throw new IllegalArgumentException("window " + from + ".." + to + " outside " + bytes.length);
            }
        }

        static Window of(byte[] bytes) {
            return new Window(bytes, 0, bytes.length);
        }

        int length() {
            return to - from;
        }

        byte[] copy(int max) {
            return java.util.Arrays.copyOfRange(bytes, from, from + Math.min(length(), max));
        }
    }

    /** A MIME entity (the message, or one of its parts): its headers and the window of its body. */
    record Entity(InternetHeaders headers, Window body) {

        /** All values of a header, in order; empty if absent. */
        String[] header(String name) {
            String[] values = headers.getHeader(name);
            return values == null ? new String[0] : values;
        }
    }

    static Entity entity(Window window) {
        HeaderBlock block = headers(window);
        return new Entity(block.headers(), new Window(window.bytes(), block.bodyStart(), window.to()));
    }

    record HeaderBlock(InternetHeaders headers, int bodyStart) {
    }

    /**
     * Header lines up to the first blank line (or the end), bytes as ISO-8859-1 characters, folded
     * lines joined into one header.
     */
    static HeaderBlock headers(Window window) {
        byte[] b = window.bytes();
        InternetHeaders headers = new InternetHeaders();
        StringBuilder field = new StringBuilder();
        int pos = window.from();
        int end = window.to();
        while (pos < end) {
            int lineEnd = pos;
            while (lineEnd < end && b[lineEnd] != '\n') {
                lineEnd++;
            }
            int next = lineEnd < end ? lineEnd + 1 : end;
            int contentEnd = lineEnd > pos && b[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
            if (contentEnd == pos) {
                pos = next; // the blank line ends the header block
                break;
            }
            boolean continuation = b[pos] == ' ' || b[pos] == '\t';
            if (!continuation && !field.isEmpty()) {
                headers.addHeaderLine(field.toString());
                field.setLength(0);
            }
            if (continuation && !field.isEmpty()) {
                field.append("\r\n");
            }
            for (int i = pos; i < contentEnd; i++) {
                field.append((char) (b[i] & 0xFF));
            }
            pos = next;
        }
        if (!field.isEmpty()) {
            headers.addHeaderLine(field.toString());
        }
        return new HeaderBlock(headers, pos);
    }

    /**
     * The parts of a multipart body: the windows between its boundary lines, without the line break
     * before each boundary. A missing closing boundary ends the last part at the end of the body.
     * Without a boundary parameter, the first line starting with "--" names it.
     *
     * @return the parts, empty when no boundary line was found
     */
    static List<Window> split(Window body, String boundaryParameter, int maxParts) {
        byte[] b = body.bytes();
        String boundary = boundaryParameter;
        if (boundary == null || boundary.isEmpty()) {
            boundary = guessBoundary(body);
            if (boundary == null) {
                return List.of();
            }
        }
        byte[] delimiter = ("--" + boundary).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        List<Window> parts = new ArrayList<>();
        int partStart = -1;
        int pos = body.from();
        int end = body.to();
        while (pos < end) {
            int lineEnd = pos;
            while (lineEnd < end && b[lineEnd] != '\n') {
                lineEnd++;
            }
            int next = lineEnd < end ? lineEnd + 1 : end;
            int kind = delimiterKind(b, pos, lineEnd, delimiter);
            if (kind != 0) {
                if (partStart >= 0) {
                    int partEnd = pos;
                    if (partEnd > partStart && b[partEnd - 1] == '\n') {
                        partEnd--;
                        if (partEnd > partStart && b[partEnd - 1] == '\r') {
                            partEnd--;
                        }
                    }
                    parts.add(new Window(b, partStart, Math.max(partStart, partEnd)));
                    if (parts.size() >= maxParts) {
                        return parts;
                    }
                }
                if (kind == 2) {
                    return parts;
                }
                partStart = next;
            }
            pos = next;
        }
        if (partStart >= 0 && partStart < end) {
            parts.add(new Window(b, partStart, end));
        }
        return parts;
    }

    /** 0: not a boundary line; 1: a delimiter; 2: the closing delimiter. */
    private static int delimiterKind(byte[] b, int from, int lineEnd, byte[] delimiter) {
        if (lineEnd - from < delimiter.length) {
            return 0;
        }
        for (int i = 0; i < delimiter.length; i++) {
            if (b[from + i] != delimiter[i]) {
                return 0;
            }
        }
        int rest = from + delimiter.length;
        boolean closing = rest + 1 < lineEnd && b[rest] == '-' && b[rest + 1] == '-';
        int i = closing ? rest + 2 : rest;
        for (; i < lineEnd; i++) {
            if (b[i] != ' ' && b[i] != '\t' && b[i] != '\r') {
                return 0; // "--b1" must not match a line "--b10"
            }
        }
        return closing ? 2 : 1;
    }

    private static String guessBoundary(Window body) {
        byte[] b = body.bytes();
        int pos = body.from();
        while (pos < body.to()) {
            int lineEnd = pos;
            while (lineEnd < body.to() && b[lineEnd] != '\n') {
                lineEnd++;
            }
            if (lineEnd - pos > 2 && b[pos] == '-' && b[pos + 1] == '-') {
                String line = new String(b, pos + 2, lineEnd - pos - 2, java.nio.charset.StandardCharsets.ISO_8859_1)
                        .strip();
                if (!line.isEmpty() && line.length() <= 200) {
                    return line;
                }
            }
            pos = lineEnd + 1;
        }
        return null;
    }
}
