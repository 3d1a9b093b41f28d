package org.kefu.ticket;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;

/**
 * Attachment bytes as files under {@code <root>/<aa>/<bb>/<sha256>}. Each upload is first written to
 * {@code <root>/tmp}, forced to disk, and then renamed into place in one atomic step, so a reader
 * sees either the whole file or none; equal content is found by its name and kept once.
 */
class FileAttachmentStore implements AttachmentStore {

    private final Path root;
    private final Path tmp;

    FileAttachmentStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
        this.tmp = this.root.resolve("tmp");
        try {
            Files.createDirectories(tmp);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create the attachment folder " + tmp, e);
        }
    }

    @Override
    public StoredContent put(InputStream content) throws IOException {
        Path temp = Files.createTempFile(tmp, "upload-", ".part");
        try {
            MessageDigest digest = Sha256.digest();
            long size;
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
                    OutputStream out = Channels.newOutputStream(channel)) {
                size = new DigestInputStream(content, digest).transferTo(out);
                out.flush();
                channel.force(true);
            }
            StoredContent stored = new StoredContent(Sha256.hex(digest), size);
            Path target = path(stored.sha256());
            if (!Files.exists(target)) {
                Files.createDirectories(target.getParent());
                moveIntoPlace(temp, target);
            }
            return stored;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            // someone stored the same bytes a moment ago: theirs are ours
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("The attachment folder must be on one file system that supports atomic renames", e);
        }
    }

    @Override
    public InputStream open(String sha256) throws IOException {
        Path file = path(sha256);
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "no attachment content " + sha256);
        }
        return Files.newInputStream(file);
    }

    @Override
    public boolean contains(String sha256) {
        return Files.isRegularFile(path(sha256));
    }

    Path path(String sha256) {
        Sha256.requireKey(sha256);
        return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
    }

    Path root() {
        return root;
    }
}
