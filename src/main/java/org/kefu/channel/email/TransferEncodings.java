package org.kefu.channel.email;

import java.io.ByteArrayOutputStream;

/**
 * Content-Transfer-Encoding decoders that keep what is decodable: base64 skips characters outside
 * its alphabet and stops at the first padding, quoted-printable keeps malformed escapes as they are.
 */
final class TransferEncodings {

    private static final byte[] BASE64 = new byte[256];

    static {
        java.util.Arrays.fill(BASE64, (byte) -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < alphabet.length(); i++) {
            BASE64[alphabet.charAt(i)] = (byte) i;
        }
        BASE64['-'] = 62; // base64url from sloppy generators
        BASE64['_'] = 63;
    }

    /** Decoded bytes, and whether the input was damaged (junk characters, or a cut-off last group). */
    record Decoded(byte[] bytes, boolean damaged) {
    }

    private TransferEncodings() {
    }

    static Decoded decode(byte[] raw, String encoding) {
        String name = encoding == null ? "" : encoding.trim().toLowerCase(java.util.Locale.ROOT);
        return switch (name) {
            case "base64" -> base64(raw);
            case "quoted-printable" -> new Decoded(quotedPrintable(raw), false);
            default -> new Decoded(raw, false);
        };
    }

    static Decoded base64(byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length * 3 / 4 + 3);
        int buffer = 0;
        int bits = 0;
        boolean damaged = false;
        boolean padded = false;
        for (byte b : raw) {
            int c = b & 0xFF;
            if (c == '=') {
                padded = true;
                continue;
            }
            int v = BASE64[c];
            if (v < 0) {
                if (c != '\r' && c != '\n' && c != ' ' && c != '\t') {
                    damaged = true;
                }
                continue;
            }
            if (padded) {
                // data after padding: concatenated base64 chunks; start a fresh group
                damaged |= bits != 0;
                buffer = 0;
                bits = 0;
                padded = false;
            }
            buffer = (buffer << 6) | v;
            bits += 6;
            if (bits >= 8) {
                bits -= 8;
                out.write((buffer >> bits) & 0xFF);
                buffer &= (1 << bits) - 1;
            }
        }
        if (bits >= 6) {
            damaged = true; // a single dangling character cannot be a byte
        }
        return new Decoded(out.toByteArray(), damaged);
    }

    static byte[] quotedPrintable(byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length);
        int n = raw.length;
        for (int i = 0; i < n; i++) {
            byte b = raw[i];
            if (b != '=') {
                out.write(b);
                continue;
            }
            // soft line break: "=" then optional trailing whitespace then CRLF or LF
            int j = i + 1;
            while (j < n && (raw[j] == ' ' || raw[j] == '\t')) {
                j++;
            }
            if (j < n && (raw[j] == '\r' || raw[j] == '\n')) {
                if (raw[j] == '\r' && j + 1 < n && raw[j + 1] == '\n') {
                    j++;
                }
                i = j;
                continue;
            }
            if (j >= n) {
                i = j;
                continue;
            }
            if (i + 2 < n && EncodedWords.hex((char) raw[i + 1]) >= 0 && EncodedWords.hex((char) raw[i + 2]) >= 0) {
                out.write(EncodedWords.hex((char) raw[i + 1]) * 16 + EncodedWords.hex((char) raw[i + 2]));
                i += 2;
            } else {
                out.write(b);
            }
        }
        return out.toByteArray();
    }
}
