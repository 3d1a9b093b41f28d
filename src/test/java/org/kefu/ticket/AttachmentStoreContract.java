package org.kefu.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AttachmentStore} promises. Each implementation's test implements this interface
 * (apache/james-project style contract tests) and so runs every test below.
 */
interface AttachmentStoreContract {

    AttachmentStore store();

    /** How many distinct contents the store holds. */
    long storedCount() throws Exception;

    /** After a failed put: no partial bytes anywhere (temporary files, rows). */
    default void assertNothingHalfWritten() throws Exception {
    }

    @Test
    default void storedBytesComeBackExactlyAndAreAddressedByTheirSha256() throws Exception {
        byte[] bytes = randomBytes(3 * 1024 * 1024 + 17, 42);

        StoredContent stored = store().put(new ByteArrayInputStream(bytes));

        assertThat(stored.sha256()).isEqualTo(sha256(bytes));
        assertThat(stored.size()).isEqualTo(bytes.length);
        assertThat(store().contains(stored.sha256())).isTrue();
        try (InputStream in = store().open(stored.sha256())) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
    }

    @Test
    default void equalBytesAreKeptOnce() throws Exception {
        byte[] bytes = ("同一张截图 " + System.nanoTime()).getBytes(StandardCharsets.UTF_8);
        long before = storedCount();

        StoredContent first = store().put(new ByteArrayInputStream(bytes));
        StoredContent second = store().put(new ByteArrayInputStream(bytes));

        assertThat(second).isEqualTo(first);
        assertThat(storedCount()).isEqualTo(before + 1);
        try (InputStream in = store().open(first.sha256())) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
    }

    @Test
    default void anEmptyFileIsStoredToo() throws Exception {
        StoredContent stored = store().put(InputStream.nullInputStream());

        assertThat(stored.size()).isZero();
        assertThat(stored.sha256()).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        try (InputStream in = store().open(stored.sha256())) {
            assertThat(in.readAllBytes()).isEmpty();
        }
    }

    @Test
    default void aStreamThatFailsHalfwayLeavesNothingBehind() throws Exception {
        byte[] bytes = randomBytes(256 * 1024, 7);
        long before = storedCount();

        assertThatThrownBy(() -> store().put(new FailingAfter(new ByteArrayInputStream(bytes), 100_000)))
                .isInstanceOf(IOException.class).hasMessageContaining("connection lost");

        assertThat(storedCount()).isEqualTo(before);
        assertThat(store().contains(sha256(bytes))).isFalse();
        assertNothingHalfWritten();
    }

    @Test
    default void unknownContentIsReportedAsMissing() {
        String unknown = sha256(("never stored " + System.nanoTime()).getBytes(StandardCharsets.UTF_8));

        assertThat(store().contains(unknown)).isFalse();
        assertThatThrownBy(() -> store().open(unknown)).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    default void keysThatAreNotSha256AreRefused() {
        assertThatThrownBy(() -> store().open("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store().contains("ABC")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    default void manyWritersOfTheSameBytesAtOnceAllSucceedAndOneCopyIsKept() throws Exception {
        byte[] bytes = randomBytes(512 * 1024, System.nanoTime());
        long before = storedCount();
        List<Future<StoredContent>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            for (int i = 0; i < 8; i++) {
                Callable<StoredContent> put = () -> store().put(new ByteArrayInputStream(bytes));
                results.add(pool.submit(put));
            }
            for (Future<StoredContent> result : results) {
                assertThat(result.get().sha256()).isEqualTo(sha256(bytes));
            }
        }

        assertThat(storedCount()).isEqualTo(before + 1);
        try (InputStream in = store().open(sha256(bytes))) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
        assertNothingHalfWritten();
    }

    static byte[] randomBytes(int length, long seed) {
        byte[] bytes = new byte[length];
        new SplittableRandom(seed).nextBytes(bytes);
        return bytes;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A client whose upload breaks off after some bytes. */
    final class FailingAfter extends FilterInputStream {

        private long left;

        FailingAfter(InputStream in, long bytes) {
            super(in);
            this.left = bytes;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                throw new IOException("connection lost");
            }
            int n = super.read(b, off, (int) Math.min(len, left));
            left -= Math.max(n, 0);
            return n;
        }
    }
}
