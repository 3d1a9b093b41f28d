package org.kefu.channel.email;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RFC 2047 encoded words ({@code =?charset?B|Q?text?=}) in headers, decoded leniently: words next
 * to each other in one charset are joined as bytes before decoding (senders split multi-byte
 * characters across words), words glued to other text are decoded too, and charsets are widened
 * by {@link MailCharsets}. Raw 8-bit header text is re-read as UTF-8 or GB18030.
 */
final class EncodedWords {

    private static final Pattern WORD = Pattern.compile("=\\?([^?\\s]{1,60})\\?([BbQq])\\?([^?]*)\\?=");

    private EncodedWords() {
    }

    static String decode(String header) {
        if (header == null) {
            return null;
        }
        String value = MailCharsets.rawHeader(header);
        if (!value.contains("=?")) {
            return value;
        }
        Matcher m = WORD.matcher(value);
        StringBuilder out = new StringBuilder(value.length());
        ByteArrayOutputStream pending = new ByteArrayOutputStream();
        String pendingCharset = null;
        int last = 0;
        while (m.find()) {
            String between = value.substring(last, m.start());
            String charset = m.group(1);
            int star = charset.indexOf('*'); // RFC 2231 language suffix
            if (star >= 0) {
                charset = charset.substring(0, star);
            }
            boolean adjacent = pendingCharset != null && between.isBlank();
            if (!adjacent || !pendingCharset.equalsIgnoreCase(charset)) {
                flush(out, pending, pendingCharset);
                pendingCharset = null;
                if (!adjacent) {
                    out.append(between);
                }
            }
            byte[] bytes = m.group(2).equalsIgnoreCase("B")
                    ? TransferEncodings.base64(m.group(3).getBytes(StandardCharsets.ISO_8859_1)).bytes()
                    : qEncoded(m.group(3));
            pending.writeBytes(bytes);
            pendingCharset = charset;
            last = m.end();
        }
        flush(out, pending, pendingCharset);
        out.append(value, last, value.length());
        return out.toString();
    }

    private static void flush(StringBuilder out, ByteArrayOutputStream pending, String charset) {
        if (charset != null) {
            out.append(MailCharsets.decode(pending.toByteArray(), charset));
        }
        pending.reset();
    }

    private static byte[] qEncoded(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '_') {
                out.write(' ');
            } else if (c == '=' && i + 2 < text.length()
                    && hex(text.charAt(i + 1)) >= 0 && hex(text.charAt(i + 2)) >= 0) {
                out.write(hex(text.charAt(i + 1)) * 16 + hex(text.charAt(i + 2)));
                i += 2;
            } else {
                out.write(c & 0xFF);
            }
        }
        return out.toByteArray();
    }

    static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return -1;
    }
}
