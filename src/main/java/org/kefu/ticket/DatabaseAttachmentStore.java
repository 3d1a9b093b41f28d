package org.kefu.ticket;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Attachment bytes in the table {@code attachment_content}, keyed by SHA-256. The bytes are written
 * in the caller's transaction, so a message and its attachments commit or vanish together; equal
 * content is inserted once ({@code on conflict do nothing}, which H2 supports in PostgreSQL mode).
 * The upload is spooled to a temporary file first, because the key is only known at the end.
 */
class DatabaseAttachmentStore implements AttachmentStore {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    DatabaseAttachmentStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public StoredContent put(InputStream content) throws IOException {
        Path spool = Files.createTempFile("kefu-attachment-", ".part");
        try {
            MessageDigest digest = Sha256.digest();
            long size;
            try (OutputStream out = Files.newOutputStream(spool)) {
                size = new DigestInputStream(content, digest).transferTo(out);
            }
            StoredContent stored = new StoredContent(Sha256.hex(digest), size);
            if (!contains(stored.sha256())) {
                try (InputStream in = Files.newInputStream(spool)) {
                    jdbc.update("insert into attachment_content (sha256, size_bytes, content, created_at) values (?, ?, ?, ?)"
                            + " on conflict do nothing", ps -> {
                                ps.setString(1, stored.sha256());
                                ps.setLong(2, stored.size());
                                ps.setBinaryStream(3, in, stored.size());
                                ps.setTimestamp(4, Timestamp.from(clock.instant()));
                            });
                }
            }
            return stored;
        } finally {
            Files.deleteIfExists(spool);
        }
    }

    @Override
    public InputStream open(String sha256) throws IOException {
        List<byte[]> found = jdbc.query("select content from attachment_content where sha256 = ?",
                (rs, row) -> rs.getBytes(1), Sha256.requireKey(sha256));
        if (found.isEmpty()) {
            throw new NoSuchFileException(sha256, null, "no attachment content " + sha256);
        }
        return new ByteArrayInputStream(found.getFirst());
    }

    @Override
    public boolean contains(String sha256) {
        Integer n = jdbc.queryForObject("select count(*) from attachment_content where sha256 = ?", Integer.class,
                Sha256.requireKey(sha256));
        return n != null && n > 0;
    }
}
