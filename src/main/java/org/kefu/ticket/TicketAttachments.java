package org.kefu.ticket;

import jakarta.persistence.EntityManager;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kefu.platform.Actor;
import org.kefu.platform.ContentTooLargeException;
import org.kefu.platform.NotFoundException;
import org.kefu.platform.UnprocessableException;
import org.kefu.platform.storage.InList;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

/**
 * Files on timeline entries. They are written by {@link TicketWork} in the same transaction as their
 * message or note, so there is never a message whose files went missing nor a file row without its
 * message; read here, a page of entries at a time, and downloaded under the ticket's visibility rule.
 *
 * <p>Limits: {@code kefu.attachments.max-bytes} per file (413, naming the file) and
 * {@code kefu.attachments.max-count} files per entry (422).
 */
@Service
@Transactional(readOnly = true)
public class TicketAttachments {

    private final AttachmentStore store;
    private final EntityManager entityManager;
    private final TicketAccess access;
    private final Clock clock;
    private final long maxBytes;
    private final int maxCount;

    TicketAttachments(AttachmentStore store, EntityManager entityManager, TicketAccess access, Clock clock,
            @Value("${kefu.attachments.max-bytes:20MB}") DataSize maxBytes,
            @Value("${kefu.attachments.max-count:10}") int maxCount) {
        this.store = store;
        this.entityManager = entityManager;
        this.access = access;
        this.clock = clock;
        this.maxBytes = maxBytes.toBytes();
        this.maxCount = maxCount;
    }

    /** The largest file accepted, in bytes. */
    public long maxBytes() {
        return maxBytes;
    }

    /** The most files one message or note may carry. */
    public int maxCount() {
        return maxCount;
    }

    /** Refuses too many files, or a file whose announced size is over the limit, before anything is written. */
    void check(List<NewAttachment> attachments) {
        if (attachments.size() > maxCount) {
            throw new UnprocessableException("A message or note can carry at most " + maxCount + " files; this one has "
                    + attachments.size() + ".");
        }
        for (NewAttachment attachment : attachments) {
            if (attachment.size() > maxBytes) {
                throw tooLarge(AttachmentFileName.clean(attachment.fileName()), attachment.size());
            }
        }
    }

    /** Stores the files and records them on the entry; call in the transaction that wrote the entry. */
    @Transactional
    List<Attachment> attach(TimelineEntry entry, List<NewAttachment> attachments) {
        check(attachments);
        if (attachments.isEmpty()) {
            return List.of();
        }
        if (entry.getId() == null) {
            entityManager.flush();
        }
        Instant now = clock.instant();
        List<Attachment> saved = new ArrayList<>();
        for (NewAttachment file : attachments) {
            String name = AttachmentFileName.clean(file.fileName());
            try (InputStream raw = file.content().getInputStream();
                    BufferedInputStream in = new BufferedInputStream(new SizeCappedStream(raw, maxBytes))) {
                in.mark(AttachmentContentType.HEAD);
                byte[] head = in.readNBytes(AttachmentContentType.HEAD);
                in.reset();
                String type = AttachmentContentType.of(name, file.contentType(), head);
                StoredContent content = store.put(in);
                Attachment attachment = new Attachment(entry.getTicket().getId(), entry.getId(), name, type, content,
                        file.inline(), file.contentId(), now);
                entityManager.persist(attachment);
                saved.add(attachment);
            } catch (SizeCappedStream.Exceeded e) {
                throw tooLarge(name, -1);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not store the attachment '" + name + "'", e);
            }
        }
        return saved;
    }

    /**
     * The files of each of the given entries (a page of a timeline), in one query. Entries without
     * files are left out of the map.
     */
    public Map<Long, List<Attachment>> byEntry(Collection<TimelineEntry> entries) {
        List<Long> ids = entries.stream().map(TimelineEntry::getId).distinct().toList();
        Map<Long, List<Attachment>> result = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return result;
        }
        Map<String, Object> params = new HashMap<>();
        InList.bind(entityManager.createQuery("select a from Attachment a where " + InList.of(params, "a.timelineEntryId", "id", ids)
                        + " order by a.id", Attachment.class), params)
                .getResultList()
                .forEach(a -> result.computeIfAbsent(a.getTimelineEntryId(), k -> new ArrayList<>()).add(a));
        return result;
    }

    /**
     * An attachment of a ticket the actor may see, including files on tickets merged into it;
     * anything else is not found, exactly like an invisible ticket.
     */
    public Attachment find(long ticketId, long attachmentId, Actor actor) {
        access.visible(ticketId, actor);
        return entityManager.createQuery("select a from Attachment a where a.id = :id and (a.ticketId = :ticket"
                        + " or a.ticketId in (select t.id from Ticket t where t.mergedIntoId = :ticket))", Attachment.class)
                .setParameter("id", attachmentId)
                .setParameter("ticket", ticketId)
                .getResultStream().findFirst()
                .orElseThrow(() -> new NotFoundException("Attachment", attachmentId));
    }

    /**
     * An attachment as the ticket's customer may see it (the customer portal): only files on customer
     * messages and replies of the customer's own ticket (or of tickets merged into it), never files
     * on internal notes. Anything else is not found.
     */
    public Attachment findForCustomer(long ticketId, long customerId, long attachmentId) {
        Long owner = entityManager.createQuery("select t.customer.id from Ticket t where t.id = :ticket", Long.class)
                .setParameter("ticket", ticketId).getResultStream().findFirst().orElse(null);
        if (owner == null || owner != customerId) {
            throw new NotFoundException("Ticket", ticketId);
        }
        Map<String, Object> params = new HashMap<>();
        String shown = InList.of(params, "e.kind", "shown", List.of(TimelineEntry.Kind.CUSTOMER_MESSAGE, TimelineEntry.Kind.REPLY));
        return InList.bind(entityManager.createQuery("select a from Attachment a, TimelineEntry e where a.id = :id"
                        + " and e.id = a.timelineEntryId and " + shown + " and (a.ticketId = :ticket"
                        + " or a.ticketId in (select t.id from Ticket t where t.mergedIntoId = :ticket))", Attachment.class), params)
                .setParameter("id", attachmentId)
                .setParameter("ticket", ticketId)
                .getResultStream().findFirst()
                .orElseThrow(() -> new NotFoundException("Attachment", attachmentId));
    }

    /** The bytes of an attachment, for a caller that already checked who may read it (e.g. outgoing email). */
    public InputStream content(Attachment attachment) {
        try {
            return store.open(attachment.getSha256());
        } catch (IOException e) {
            throw new UncheckedIOException("The content of attachment " + attachment.getId() + " cannot be read", e);
        }
    }

    private ContentTooLargeException tooLarge(String name, long size) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("field", "attachments");
        properties.put("fileName", name);
        properties.put("maxBytes", maxBytes);
        if (size >= 0) {
            properties.put("size", size);
        }
        return new ContentTooLargeException("The file '" + name + "' is larger than the limit of " + readable(maxBytes)
                + " per file.", properties);
    }

    static String readable(long bytes) {
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return bytes / 1024 + " KB";
        }
        return bytes + " bytes";
    }
}
