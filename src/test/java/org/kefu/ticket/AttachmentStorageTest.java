package org.kefu.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

class AttachmentStorageTest {

    @TempDir
    Path dataDir;

    private final AttachmentStorage storage = new AttachmentStorage();

    @Test
    void filesLiveUnderTheDataDirectoryByDefault() {
        AttachmentStore store = storage.attachmentStore("file", dataDir, new JdbcTemplate(), Clock.systemUTC());

        assertThat(store).isInstanceOf(FileAttachmentStore.class);
        assertThat(((FileAttachmentStore) store).root()).isEqualTo(dataDir.resolve("attachments").toAbsolutePath());
    }

    @Test
    void theDatabaseStoreIsChosenByName() {
        assertThat(storage.attachmentStore(" Database ", dataDir, new JdbcTemplate(), Clock.systemUTC()))
                .isInstanceOf(DatabaseAttachmentStore.class);
    }

    @Test
    void anUnknownStoreStopsTheStartWithAClearMessage() {
        assertThatThrownBy(() -> storage.attachmentStore("s3", dataDir, new JdbcTemplate(), Clock.systemUTC()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("KEFU_ATTACHMENT_STORE").hasMessageContaining("'s3'");
    }
}
