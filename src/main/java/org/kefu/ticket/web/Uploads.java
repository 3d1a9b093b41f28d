package org.kefu.ticket.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.kefu.ticket.NewAttachment;
import org.springframework.web.multipart.MultipartFile;

/** Uploaded files in and out of the API: to {@link NewAttachment}s, and the download header for a file name. */
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

    /**
     * {@code attachment; filename="<ASCII stand-in>"; filename*=UTF-8''<percent-encoded>} (RFC 6266 and
     * RFC 5987): browsers use the UTF-8 name, so 投诉截图.png arrives as such; very old clients get
     * the stand-in with {@code _} for every character outside printable ASCII.
     */
    static String attachmentDisposition(String fileName) {
        StringBuilder ascii = new StringBuilder();
        fileName.codePoints().forEach(cp -> ascii.append(cp >= 0x20 && cp < 0x7F && cp != '"' && cp != '\\' ? (char) cp : '_'));
        StringBuilder encoded = new StringBuilder();
        for (byte b : fileName.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "!#$&+-.^_`|~".indexOf(c) >= 0)) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
