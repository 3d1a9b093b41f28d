package org.kefu.ticket;

/** Bytes kept by an {@link AttachmentStore}: their SHA-256 (lower-case hex, the key) and their length. */
public record StoredContent(String sha256, long size) {

    public StoredContent {
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits");
        }
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative");
        }
    }
}
