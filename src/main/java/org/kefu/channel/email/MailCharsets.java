package org.kefu.channel.email;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns the bytes of a mail into text the way real mail needs it: declared charsets are widened
 * to the supersets senders actually use (a "gb2312" mail is GBK or GB18030, "big5" is Big5-HKSCS,
 * "iso-8859-1" is windows-1252), and text without a usable declaration is tried as strict UTF-8,
 * then strict GB18030, then windows-1252.
 */
final class MailCharsets {

    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final Charset BIG5 = firstSupported("Big5-HKSCS", "x-windows-950", "Big5");
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private static final Map<String, Charset> WIDENED = Map.ofEntries(
            Map.entry("gb2312", GB18030), Map.entry("gbk", GB18030), Map.entry("gb18030", GB18030),
            Map.entry("cp936", GB18030), Map.entry("x-gbk", GB18030), Map.entry("euc-cn", GB18030),
            Map.entry("x-euc-cn", GB18030), Map.entry("gb_2312-80", GB18030), Map.entry("csgb2312", GB18030),
            Map.entry("chinese", GB18030), Map.entry("hz-gb-2312", GB18030), Map.entry("windows-936", GB18030),
            Map.entry("big5", BIG5), Map.entry("big-5", BIG5), Map.entry("cn-big5", BIG5),
            Map.entry("csbig5", BIG5), Map.entry("x-x-big5", BIG5), Map.entry("big5-hkscs", BIG5),
            Map.entry("cp950", BIG5), Map.entry("x-windows-950", BIG5), Map.entry("ms950", BIG5),
            Map.entry("iso-8859-1", WINDOWS_1252), Map.entry("latin1", WINDOWS_1252),
            Map.entry("iso_8859-1", WINDOWS_1252), Map.entry("l1", WINDOWS_1252),
            Map.entry("us-ascii", WINDOWS_1252), Map.entry("ascii", WINDOWS_1252),
            Map.entry("ansi_x3.4-1968", WINDOWS_1252), Map.entry("utf8", StandardCharsets.UTF_8),
            Map.entry("shift_jis", Charset.forName("windows-31j")), Map.entry("sjis", Charset.forName("windows-31j")),
            Map.entry("x-sjis", Charset.forName("windows-31j")),
            Map.entry("ks_c_5601-1987", Charset.forName("x-windows-949")),
            Map.entry("euc-kr", Charset.forName("x-windows-949")),
            Map.entry("iso-8859-8-i", Charset.forName("ISO-8859-8")));

    private static final Map<String, Optional<Charset>> LOOKED_UP = new ConcurrentHashMap<>();

    private MailCharsets() {
    }

    /** The charset to decode a declared name with, widened to what senders really use; empty if unknown. */
    static Optional<Charset> resolve(String declared) {
        if (declared == null) {
            return Optional.empty();
        }
        String name = declared.trim().replace("\"", "").replace("'", "").toLowerCase(Locale.ROOT);
        if (name.isEmpty() || name.length() > 40) {
            return Optional.empty();
        }
        Charset widened = WIDENED.get(name);
        if (widened != null) {
            return Optional.of(widened);
        }
        Optional<Charset> known = LOOKED_UP.get(name);
        if (known != null) {
            return known;
        }
        Optional<Charset> found;
        try {
            found = Optional.of(Charset.forName(name));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            found = Optional.empty();
        }
        if (LOOKED_UP.size() < 1_000) {
            LOOKED_UP.put(name, found); // an unknown name costs a class-path scan of charset providers each time
        }
        return found;
    }

    /** Decodes with the declared charset; undeclared, unknown or contradicted by the bytes → best guess. */
    static String decode(byte[] bytes, String declared) {
        Optional<Charset> charset = resolve(declared);
        if (charset.isEmpty()) {
            return guess(bytes);
        }
        Charset cs = charset.get();
        if (cs.equals(WINDOWS_1252) && !isAscii(bytes)) {
            // "us-ascii"/"iso-8859-1" with 8-bit bytes is usually UTF-8 or GBK from a careless client
            Optional<String> strict = strict(bytes, StandardCharsets.UTF_8);
            if (strict.isPresent()) {
                return strict.get();
            }
        }
        return strict(bytes, cs).orElseGet(() -> lenient(bytes, cs));
    }

    /** Text of bytes whose charset is unknown: strict UTF-8, then strict GB18030, then windows-1252. */
    static String guess(byte[] bytes) {
        if (isAscii(bytes)) {
            return new String(bytes, StandardCharsets.US_ASCII);
        }
        return strict(bytes, StandardCharsets.UTF_8)
                .or(() -> strict(bytes, GB18030))
                .orElseGet(() -> lenient(bytes, WINDOWS_1252));
    }

    /**
     * Header text as read by Jakarta Mail (bytes as ISO-8859-1 characters): raw 8-bit headers from
     * careless clients (UTF-8 or GBK) are re-read with {@link #guess(byte[])}.
     */
    static String rawHeader(String value) {
        if (value == null) {
            return null;
        }
        boolean eightBit = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c > 0xFF) {
                return value; // already real Unicode
            }
            if (c > 0x7F) {
                eightBit = true;
            }
        }
        return eightBit ? guess(value.getBytes(StandardCharsets.ISO_8859_1)) : value;
    }

    static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    private static Optional<String> strict(byte[] bytes, Charset charset) {
        try {
            return Optional.of(charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String lenient(byte[] bytes, Charset charset) {
        try {
            return new String(bytes, charset);
        } catch (RuntimeException e) {
            return new String(bytes, WINDOWS_1252);
        }
    }

    private static Charset firstSupported(String... names) {
        for (String name : names) {
            if (Charset.isSupported(name)) {
                return Charset.forName(name);
            }
        }
        return StandardCharsets.UTF_8;
    }
}
