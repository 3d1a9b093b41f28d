package org.kefu.platform;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * An opaque keyset position: the sort value and id of the last row a page returned.
 * The next page starts strictly after it, so paging stays fast at any depth.
 */
public record Cursor(String sortKey, String value, long id) {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    public String encode() {
        String raw = sortKey + "\n" + (value == null ? "" : value) + "\n" + id;
        return ENCODER.encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a cursor made for the given sort; anything else is the caller's mistake. */
    public static Cursor decode(String encoded, String expectedSortKey) {
        try {
            String raw = new String(DECODER.decode(encoded), StandardCharsets.UTF_8);
            String[] parts = raw.split("\n", -1);
            if (parts.length != 3 || !parts[0].equals(expectedSortKey)) {
                throw new IllegalArgumentException("cursor for another sort");
            }
            return new Cursor(parts[0], parts[1].isEmpty() ? null : parts[1], Long.parseLong(parts[2]));
        } catch (IllegalArgumentException e) {
            throw InvalidRequestException.of("cursor", "is not a cursor returned by this list with sort '" + expectedSortKey + "'");
        }
    }
}
