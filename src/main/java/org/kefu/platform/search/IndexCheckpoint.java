package org.kefu.platform.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * What the local index on disk is known to hold, kept in a small file next to it: every change to an indexed entity
 * made before {@code indexedThrough} is in the committed index, and whether the desk was shut down cleanly.
 */
record IndexCheckpoint(State state, Instant indexedThrough) {

    enum State {
        /** The desk is running, or it stopped without saying so (a crash): changes after the time may be missing. */
        RUNNING,
        /** The desk stopped cleanly: the index holds every change made before it stopped. */
        CLEAN
    }

    static final String FILE_NAME = "kefu-index-checkpoint";

    /** The checkpoint in {@code text}; empty when it is not one (a damaged or foreign file). */
    static Optional<IndexCheckpoint> parse(String text) {
        String state = null;
        String through = null;
        for (String line : text.split("\n", 20)) {
            int eq = line.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String key = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            if (key.equals("state")) {
                state = value;
            } else if (key.equals("indexedThrough")) {
                through = value;
            }
        }
        if (state == null || through == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new IndexCheckpoint(State.valueOf(state), Instant.parse(through)));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return Optional.empty();
        }
    }

    String format() {
        return "# Written by Kefu (docs/search.md). Every change made before indexedThrough is in this index.\n"
                + "state=" + state + "\nindexedThrough=" + indexedThrough + "\n";
    }

    /** Replaces the file at {@code file} with this checkpoint, so that a crash leaves either the old or the new one. */
    void writeTo(Path file) {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(file.getParent());
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                out.write(StandardCharsets.UTF_8.encode(format()));
                out.force(true);
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the search index checkpoint " + file, e);
        }
    }
}
