package org.kefu.ticket.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.kefu.ticket.NewAttachment;
import org.springframework.web.multipart.MultipartFile;

/** Uploaded files of the API and the ticket page: the chosen ones, as {@link NewAttachment}s (downloads: {@link org.kefu.ticket.AttachmentDownload}). */
final class Uploads {

    private Uploads() {
    }

    /** A file of a multipart request, identified by name and content, for the Idempotency-Key check. */
    record Fingerprint(String fileName, long size, String sha256) {
    }

    static List<NewAttachment> toNew(List<MultipartFile> files) {
        return files.stream()
                .map(f -> new NewAttachment(f.getOriginalFilename(), f.getContentType(), f.getSize(), f))
                .toList();
    }

    static List<Fingerprint> fingerprints(List<MultipartFile> files) {
        return files.stream().map(f -> new Fingerprint(f.getOriginalFilename(), f.getSize(), sha256(f))).toList();
    }

    private static String sha256(MultipartFile file) {
        try (InputStream in = file.getInputStream()) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            new DigestInputStream(in, digest).transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The file parts that hold a file; a form's empty file input sends a nameless empty part. */
    static List<MultipartFile> chosen(List<MultipartFile> files) {
        if (files == null) {
            return List.of();
        }
        return files.stream()
                .filter(f -> f != null && !(f.isEmpty() && (f.getOriginalFilename() == null || f.getOriginalFilename().isEmpty())))
                .toList();
    }
}
