package org.kefu.portal.web;

import java.util.List;
import org.kefu.ticket.AttachmentDownload;
import org.kefu.ticket.NewAttachment;
import org.kefu.ticket.TicketAttachments;
import org.springframework.web.multipart.MultipartFile;

/**
 * The files a customer chose in a portal form, checked against the desk's attachment limits
 * before anything is written; the message keys take {@code {0}} = most files, {@code {1}} = largest file.
 */
record FileLimits(int maxCount, long maxBytes) {

    static FileLimits of(TicketAttachments attachments) {
        return new FileLimits(attachments.maxCount(), attachments.maxBytes());
    }

    /** The largest file, as people read it (20 MB). */
    public String maxSize() {
        return AttachmentDownload.readableSize(maxBytes);
    }

    /** The file inputs that hold a file; an empty file input sends a nameless empty part. */
    static List<MultipartFile> chosen(List<MultipartFile> files) {
        if (files == null) {
            return List.of();
        }
        return files.stream()
                .filter(f -> f != null && !(f.isEmpty() && (f.getOriginalFilename() == null || f.getOriginalFilename().isEmpty())))
                .toList();
    }

    /** Message key of what is wrong with the chosen files, or null. */
    String problem(List<MultipartFile> files) {
        List<MultipartFile> chosen = chosen(files);
        if (chosen.size() > maxCount) {
            return "portal.form.attachments.tooMany";
        }
        return chosen.stream().anyMatch(f -> f.getSize() > maxBytes) ? "portal.form.attachments.tooLarge" : null;
    }

    static List<NewAttachment> toNew(List<MultipartFile> files) {
        return chosen(files).stream()
                .map(f -> new NewAttachment(f.getOriginalFilename(), f.getContentType(), f.getSize(), f))
                .toList();
    }
}
