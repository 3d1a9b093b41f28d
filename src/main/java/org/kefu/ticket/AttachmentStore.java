package org.kefu.ticket;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where attachment bytes live, addressed by their SHA-256, so equal bytes are kept once. Chosen by
 * {@code kefu.attachments.store}: {@code file} (default) or {@code database}. Every implementation
 * passes the same contract test ({@code AttachmentStoreContract}).
 *
 * <p>Content is only ever added. A rolled-back message can leave bytes that nothing refers to; they
 * are harmless and can be swept later, whereas deleting them could race with another message that
 * refers to the same bytes.
 */
public interface AttachmentStore {

    /**
     * Reads the stream to its end and keeps its bytes unless equal bytes are already kept. When the
     * stream fails (for instance because it is over the size limit), nothing of it is kept and the
     * exception passes through.
     */
    StoredContent put(InputStream content) throws IOException;

    /** The bytes stored under this SHA-256; {@link java.nio.file.NoSuchFileException} when there are none. */
    InputStream open(String sha256) throws IOException;

    boolean contains(String sha256);
}
