package org.kefu.channel.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code X-Kefu-Signature} header: {@code t=<unix seconds>,v1=<hex HMAC-SHA256>}, the HMAC
 * keyed with the channel's secret over the bytes {@code "<t>." + raw body}. Used both ways: to
 * check gateways' messages and to sign the replies posted to them. Checks compare in constant
 * time and refuse a timestamp more than the tolerance away from now (replay).
 */
public final class WebhookSignature {

    public static final String HEADER = "X-Kefu-Signature";
    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    private WebhookSignature() {
    }

    /** What a check found; only {@link #VALID} lets a message in. */
    public enum Verdict {
        VALID, MISSING, MALFORMED, STALE, MISMATCH
    }

    /** The header value signing {@code body} at {@code time}. */
    public static String header(String secret, Instant time, byte[] body) {
        long t = time.getEpochSecond();
        return "t=" + t + ",v1=" + HexFormat.of().formatHex(hmac(secret, t, body));
    }

    public static Verdict verify(String header, byte[] body, String secret, Instant now) {
        if (header == null || header.isBlank()) {
            return Verdict.MISSING;
        }
        if (header.length() > 1000) {
            return Verdict.MALFORMED;
        }
        Long t = null;
        List<byte[]> signatures = new ArrayList<>();
        for (String part : header.split(",")) {
            int eq = part.indexOf('=');
            if (eq < 0) {
                return Verdict.MALFORMED;
            }
            String key = part.substring(0, eq).strip();
            String value = part.substring(eq + 1).strip();
            try {
                if (key.equals("t")) {
                    if (t != null || value.isEmpty() || value.length() > 12 || !value.chars().allMatch(Character::isDigit)) {
                        return Verdict.MALFORMED;
                    }
                    t = Long.parseLong(value);
                } else if (key.equals("v1")) {
                    if (value.length() != 64) {
                        return Verdict.MALFORMED;
                    }
                    signatures.add(HexFormat.of().parseHex(value));
                }
            } catch (IllegalArgumentException e) {
                return Verdict.MALFORMED;
            }
        }
        if (t == null || signatures.isEmpty()) {
            return Verdict.MALFORMED;
        }
        if (Duration.between(Instant.ofEpochSecond(t), now).abs().compareTo(TOLERANCE) > 0) {
            return Verdict.STALE;
        }
        byte[] expected = hmac(secret, t, body);
        boolean match = false;
        for (byte[] given : signatures) {
            match |= MessageDigest.isEqual(expected, given);
        }
        return match ? Verdict.VALID : Verdict.MISMATCH;
    }

    private static byte[] hmac(String secret, long t, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((t + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
