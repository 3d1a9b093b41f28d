package org.kefu.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileAttachmentStoreTest implements AttachmentStoreContract {

    @TempDir
    Path dir;

    private FileAttachmentStore store;

    @BeforeEach
    void open() {
        store = new FileAttachmentStore(dir.resolve("attachments"));
    }

    @Override
    public AttachmentStore store() {
        return store;
    }

    @Override
    public long storedCount() throws IOException {
        try (Stream<Path> files = Files.walk(store.root())) {
            return files.filter(Files::isRegularFile).filter(p -> !p.startsWith(store.root().resolve("tmp"))).count();
        }
    }

    @Override
    public void assertNothingHalfWritten() throws IOException {
        try (Stream<Path> temps = Files.list(store.root().resolve("tmp"))) {
            assertThat(temps).isEmpty();
        }
    }

    @Test
    void contentLivesInTwoLevelsOfFoldersNamedByItsHash() throws IOException {
        byte[] bytes = "退款凭证".getBytes(StandardCharsets.UTF_8);
        String sha = AttachmentStoreContract.sha256(bytes);

        store.put(new ByteArrayInputStream(bytes));

        Path expected = store.root().resolve(sha.substring(0, 2)).resolve(sha.substring(2, 4)).resolve(sha);
        assertThat(expected).isRegularFile().hasBinaryContent(bytes);
    }
}
