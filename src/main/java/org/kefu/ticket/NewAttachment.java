package org.kefu.ticket;

import java.io.ByteArrayInputStream;
import java.util.Objects;
import org.springframework.core.io.InputStreamSource;

/**
 * A file to attach to a new message or note. The name and type are what the sender claimed: the
 * name is cleaned and the type checked against the bytes before anything is stored.
 *
 * @param size      the length the sender announced, or -1 if unknown; the real length is counted anyway
 * @param content   opened once, while the message is written (a Spring {@code MultipartFile} is one)
 * @param inline    shown inside the message (an inline email image) rather than listed under it
 * @param contentId the MIME Content-ID an inline image is referred to by ({@code cid:...}), or null
 */
public record NewAttachment(String fileName, String contentType, long size, InputStreamSource content, boolean inline,
        String contentId) {

    public NewAttachment {
        Objects.requireNonNull(content, "content");
        if (contentId != null && (contentId.isBlank() || contentId.length() > 255)) {
            throw new IllegalArgumentException("contentId must be 1 to 255 characters");
        }
    }

    /** A plain (not inline) attachment. */
    public NewAttachment(String fileName, String contentType, long size, InputStreamSource content) {
        this(fileName, contentType, size, content, false, null);
    }

    public static NewAttachment of(String fileName, String contentType, byte[] bytes) {
        byte[] copy = bytes.clone();
        return new NewAttachment(fileName, contentType, copy.length, () -> new ByteArrayInputStream(copy));
    }

    /** The same file, shown inline under the given Content-ID. */
    public NewAttachment inline(String cid) {
        return new NewAttachment(fileName, contentType, size, content, true, cid);
    }
}
