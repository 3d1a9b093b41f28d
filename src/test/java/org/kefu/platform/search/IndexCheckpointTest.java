package org.kefu.platform.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexCheckpointTest {

    @Test
    void aWrittenCheckpointReadsBackAndReplacesTheOldOne(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("index").resolve(IndexCheckpoint.FILE_NAME);
        new IndexCheckpoint(IndexCheckpoint.State.RUNNING, Instant.parse("2026-12-03T10:15:30.123Z")).writeTo(file);
        IndexCheckpoint clean = new IndexCheckpoint(IndexCheckpoint.State.CLEAN, Instant.parse("2026-12-03T11:00:00Z"));
        clean.writeTo(file);

        assertThat(IndexCheckpoint.parse(Files.readString(file))).contains(clean);
        assertThat(Files.list(file.getParent())).containsExactly(file);
    }

    @Test
    void whatIsNotACheckpointReadsAsNone() {
        assertThat(IndexCheckpoint.parse("")).isEmpty();
        assertThat(IndexCheckpoint.parse("state=RUNNING\n")).isEmpty();
        assertThat(IndexCheckpoint.parse("state=DIRTY\nindexedThrough=2026-12-03T10:15:30Z\n")).isEmpty();
        assertThat(IndexCheckpoint.parse("state=CLEAN\nindexedThrough=yesterday\n")).isEmpty();
        assertThat(IndexCheckpoint.parse("state = CLEAN \r\nindexedThrough = 2026-12-03T10:15:30Z\r\n"))
                .contains(new IndexCheckpoint(IndexCheckpoint.State.CLEAN, Instant.parse("2026-12-03T10:15:30Z")));
    }

    /** A damaged file (torn, truncated, overwritten by something else) never throws: it reads as none or as itself. */
    @Test
    void damagedCheckpointsNeverThrow() {
        Random random = new Random(20261203);
        String valid = new IndexCheckpoint(IndexCheckpoint.State.RUNNING, Instant.parse("2026-12-03T10:15:30Z")).format();
        String alphabet = "=\n\r #:-.TZ0123456789stateindexedThroughRUNNINGCLEAN投訴\u0000";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder(valid);
            int edits = 1 + random.nextInt(6);
            for (int e = 0; e < edits && !text.isEmpty(); e++) {
                int at = random.nextInt(text.length());
                switch (random.nextInt(3)) {
                    case 0 -> text.deleteCharAt(at);
                    case 1 -> text.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    default -> text.setLength(at);
                }
            }
            Optional<IndexCheckpoint> read = IndexCheckpoint.parse(text.toString());
            read.ifPresent(checkpoint -> assertThat(IndexCheckpoint.parse(checkpoint.format())).contains(checkpoint));
        }
    }
}
