package org.kefu.ticket;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/**
 * The one way a stored file is sent to a browser or API client (REST API, ticket page, customer
 * portal): always as a download, never rendered: {@code Content-Disposition: attachment} with the
 * RFC 5987 UTF-8 name, {@code nosniff}, a sandboxing Content-Security-Policy and no caching.
 */
public final class AttachmentDownload {

    private AttachmentDownload() {
    }

    /** The response for a file the caller already checked the reader may see. */
    public static ResponseEntity<Resource> of(Attachment attachment, InputStream content) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, attachment.servedContentType())
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition(attachment.getFileName()))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .contentLength(attachment.getSize())
                .body(new InputStreamResource(content));
    }

    /**
     * {@code attachment; filename="<ASCII stand-in>"; filename*=UTF-8''<percent-encoded>} (RFC 6266 and
     * RFC 5987): browsers use the UTF-8 name, so 投诉截图.png arrives as such; very old clients get
     * the stand-in with {@code _} for every character outside printable ASCII.
     */
    public static String disposition(String fileName) {
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

    /** A file size as people read it: 512 B, 3.4 KB, 12 MB. */
    public static String readableSize(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        double kb = bytes / 1024.0;
        if (kb < 1024) {
            return (kb < 10 ? String.format(java.util.Locale.ROOT, "%.1f", kb) : String.valueOf(Math.round(kb))) + " KB";
        }
        double mb = kb / 1024.0;
        return (mb < 10 ? String.format(java.util.Locale.ROOT, "%.1f", mb) : String.valueOf(Math.round(mb))) + " MB";
    }

    /** A short type label from the file name's extension (PNG, PDF, ...), or FILE. */
    public static String typeLabel(String fileName) {
        int dot = fileName == null ? -1 : fileName.lastIndexOf('.');
        if (dot < 0 || dot == fileName.length() - 1 || fileName.length() - dot > 6) {
            return "FILE";
        }
        return fileName.substring(dot + 1).toUpperCase(java.util.Locale.ROOT);
    }
}
