package org.kefu.channel.email;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A Content-Type or Content-Disposition header: its main value (lower case) and its parameters,
 * read leniently. Parameters may be quoted or not, continued and charset-encoded (RFC 2231
 * {@code name*0*=gb2312''%C4%E3}), or RFC 2047 encoded inside quotes as many clients do.
 */
record HeaderValue(String value, Map<String, String> parameters) {

    private static final int MAX_PARAMETERS = 64;

    static HeaderValue parse(String header) {
        if (header == null) {
            return new HeaderValue("", Map.of());
        }
        String text = header.length() > 16_384 ? header.substring(0, 16_384) : header;
        int semicolon = indexOfSemicolon(text, 0);
        String value = (semicolon < 0 ? text : text.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
        Map<String, String> plain = new LinkedHashMap<>();
        Map<String, TreeMap<Integer, String[]>> continued = new LinkedHashMap<>();
        int pos = semicolon;
        while (pos >= 0 && pos < text.length() && plain.size() + continued.size() < MAX_PARAMETERS) {
            int next = indexOfSemicolon(text, pos + 1);
            String parameter = text.substring(pos + 1, next < 0 ? text.length() : next).trim();
            pos = next;
            int eq = parameter.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = parameter.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String raw = unquote(parameter.substring(eq + 1).trim());
            boolean extended = name.endsWith("*");
            String bare = extended ? name.substring(0, name.length() - 1) : name;
            int star = bare.indexOf('*');
            if (star > 0) {
                int section = parseSection(bare.substring(star + 1));
                if (section >= 0 && section < 1000) {
                    continued.computeIfAbsent(bare.substring(0, star), k -> new TreeMap<>())
                            .put(section, new String[] {raw, extended ? "*" : ""});
                }
            } else if (extended) {
                plain.put(bare, decodeExtended(raw, null));
            } else {
                plain.putIfAbsent(bare, EncodedWords.decode(raw));
            }
        }
        continued.forEach((name, sections) -> {
            // the charset is named in the first extended section; later sections are bytes in it
            String charset = null;
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            StringBuilder plainText = new StringBuilder();
            for (String[] section : sections.values()) {
                if (section[1].equals("*")) {
                    String part = section[0];
                    if (charset == null) {
                        int q1 = part.indexOf('\'');
                        int q2 = q1 < 0 ? -1 : part.indexOf('\'', q1 + 1);
                        if (q2 > 0) {
                            charset = part.substring(0, q1);
                            part = part.substring(q2 + 1);
                        }
                    }
                    bytes.writeBytes(percentDecode(part));
                } else {
                    bytes.writeBytes(section[0].getBytes(StandardCharsets.ISO_8859_1));
                    plainText.append(section[0]);
                }
            }
            String decoded = charset == null && plainText.length() == bytes.size()
                    ? EncodedWords.decode(plainText.toString())
                    : MailCharsets.decode(bytes.toByteArray(), charset);
            plain.put(name, decoded); // RFC 2231 wins over a plain duplicate
        });
        return new HeaderValue(value, plain);
    }

    String parameter(String name) {
        return parameters.get(name);
    }

    /** "type/subtype" of a Content-Type; text/plain when missing or malformed (RFC 2045 default). */
    String mimeType() {
        int slash = value.indexOf('/');
        if (slash <= 0 || slash == value.length() - 1 || value.indexOf(' ') >= 0) {
            return "text/plain";
        }
        return value;
    }

    private static String decodeExtended(String raw, String fallbackCharset) {
        int q1 = raw.indexOf('\'');
        int q2 = q1 < 0 ? -1 : raw.indexOf('\'', q1 + 1);
        if (q2 < 0) {
            return MailCharsets.decode(percentDecode(raw), fallbackCharset);
        }
        return MailCharsets.decode(percentDecode(raw.substring(q2 + 1)), raw.substring(0, q1));
    }

    private static byte[] percentDecode(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        byte[] raw = text.getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == '%' && i + 2 < raw.length && EncodedWords.hex((char) raw[i + 1]) >= 0
                    && EncodedWords.hex((char) raw[i + 2]) >= 0) {
                out.write(EncodedWords.hex((char) raw[i + 1]) * 16 + EncodedWords.hex((char) raw[i + 2]));
                i += 2;
            } else {
                out.write(raw[i]);
            }
        }
        return out.toByteArray();
    }

    private static int parseSection(String digits) {
        if (digits.isEmpty() || digits.length() > 3) {
            return -1;
        }
        for (int i = 0; i < digits.length(); i++) {
            if (!Character.isDigit(digits.charAt(i))) {
                return -1;
            }
        }
        return Integer.parseInt(digits);
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && value.charAt(0) == '"') {
            int end = value.lastIndexOf('"');
            String inner = end > 0 ? value.substring(1, end) : value.substring(1);
            StringBuilder out = new StringBuilder(inner.length());
            for (int i = 0; i < inner.length(); i++) {
                char c = inner.charAt(i);
                if (c == '\\' && i + 1 < inner.length()) {
                    c = inner.charAt(++i);
                }
                out.append(c);
            }
            return out.toString();
        }
        return value.startsWith("\"") ? value.substring(1) : value;
    }

    /** Next ';' outside a quoted string, or -1. */
    private static int indexOfSemicolon(String text, int from) {
        boolean quoted = false;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && quoted) {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ';' && !quoted) {
                return i;
            }
        }
        return -1;
    }
}
