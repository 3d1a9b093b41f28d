package org.kefu.channel.webhook.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kefu.channel.webhook.AttachmentLinks;
import org.kefu.platform.ForbiddenException;
import org.kefu.platform.NotFoundException;
import org.kefu.platform.storage.InList;
import org.kefu.ticket.Attachment;
import org.kefu.ticket.AttachmentDownload;
import org.kefu.ticket.TicketAttachments;
import org.kefu.ticket.TimelineEntry;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The files of agent replies behind signed links ({@link AttachmentLinks}), for webhook gateways:
 * no sign-in, a valid unexpired signature for exactly this file instead. Anything else is 403.
 * Only files the customer was meant to see (on replies and the customer's own messages) are served.
 */
@RestController
@Tag(name = "Webhook channels")
class PublicAttachmentController {

    private final AttachmentLinks links;
    private final TicketAttachments attachments;
    private final EntityManager entityManager;
    private final Clock clock;

    PublicAttachmentController(AttachmentLinks links, TicketAttachments attachments, EntityManager entityManager,
            Clock clock) {
        this.links = links;
        this.attachments = attachments;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    @GetMapping("/attachments/public/{id}")
    @Operation(summary = "A reply's file behind a signed link (as posted to webhook callbacks); 403 when the signature "
            + "is wrong or expired")
    @Transactional(readOnly = true)
    ResponseEntity<Resource> file(@PathVariable long id, @RequestParam(required = false) Long exp,
            @RequestParam(required = false) String sig) {
        if (!links.valid(id, exp, sig, clock.instant())) {
            throw new ForbiddenException("The link is not valid or has expired.");
        }
        Map<String, Object> params = new HashMap<>();
        String shown = InList.of(params, "e.kind", "shown", List.of(TimelineEntry.Kind.REPLY, TimelineEntry.Kind.CUSTOMER_MESSAGE));
        Attachment file = InList.bind(entityManager.createQuery("select a from Attachment a, TimelineEntry e where a.id = :id"
                        + " and e.id = a.timelineEntryId and " + shown, Attachment.class), params)
                .setParameter("id", id)
                .getResultStream().findFirst().orElseThrow(() -> new NotFoundException("Attachment", id));
        return AttachmentDownload.of(file, attachments.content(file));
    }
}
