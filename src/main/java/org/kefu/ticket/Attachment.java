package org.kefu.ticket;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/**
 * A file on a timeline entry (a customer message, a reply or a note). Only the description lives
 * here; the bytes are in the {@link AttachmentStore} under {@link #getSha256()}. Written together
 * with its entry and never changed.
 */
@Entity
@Immutable
@Table(name = "attachment")
public class Attachment {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "attachment_seq")
    @SequenceGenerator(name = "attachment_seq", sequenceName = "attachment_seq", allocationSize = 50)
    Long id;

    @Column(name = "ticket_id", nullable = false)
    long ticketId;

    @Column(name = "timeline_entry_id", nullable = false)
    long timelineEntryId;

    @Column(name = "file_name", nullable = false)
    String fileName;

    @Column(name = "content_type", nullable = false)
    String contentType;

    @Column(name = "size_bytes", nullable = false)
    long size;

    @Column(nullable = false)
    String sha256;

    @Column(name = "is_inline", nullable = false)
    boolean inline;

    @Column(name = "content_id")
    String contentId;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    protected Attachment() {
    }

    Attachment(long ticketId, long timelineEntryId, String fileName, String contentType, StoredContent content,
            boolean inline, String contentId, Instant createdAt) {
        this.ticketId = ticketId;
        this.timelineEntryId = timelineEntryId;
        this.fileName = fileName;
        this.contentType = contentType;
        this.size = content.size();
        this.sha256 = content.sha256();
        this.inline = inline;
        this.contentId = contentId;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    /** The ticket the entry was written on (after a merge, possibly the duplicate rather than the survivor). */
    public long getTicketId() {
        return ticketId;
    }

    public long getTimelineEntryId() {
        return timelineEntryId;
    }

    /** The cleaned file name; Chinese and other letters as sent, no folders or control characters. */
    public String getFileName() {
        return fileName;
    }

    /** The type found in the bytes, not the one the sender claimed. */
    public String getContentType() {
        return contentType;
    }

    /**
     * The type to serve the bytes with: the found type, except that anything a browser would run as a
     * page or script (HTML, SVG, XML, JavaScript) is served as {@code application/octet-stream}.
     */
    public String servedContentType() {
        return AttachmentContentType.ACTIVE.contains(contentType) ? AttachmentContentType.OCTET_STREAM : contentType;
    }

    public long getSize() {
        return size;
    }

    public String getSha256() {
        return sha256;
    }

    public boolean isInline() {
        return inline;
    }

    public String getContentId() {
        return contentId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
