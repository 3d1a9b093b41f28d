package org.kefu.ticket.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.kefu.customer.Customer;
import org.kefu.platform.Channel;
import org.kefu.ticket.Attachment;
import org.kefu.ticket.Author;
import org.kefu.ticket.ComplaintType;
import org.kefu.ticket.CustomFieldDefinition;
import org.kefu.ticket.Priority;
import org.kefu.ticket.Ticket;
import org.kefu.ticket.TicketLink;
import org.kefu.ticket.TicketStatus;
import org.kefu.ticket.TimelineEntry;
import tools.jackson.databind.json.JsonMapper;

final class TicketViews {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TicketViews() {
    }

    record CustomerRef(long id, String name, String tier) {

        static CustomerRef of(Customer c) {
            return new CustomerRef(c.getId(), c.getName(), c.getTier().getCode());
        }
    }

    /** A row of a ticket list; {@code highlights} only for search results (safe HTML, {@code <mark>} only). */
    record TicketSummary(long id, String number, String subject, TicketStatus status, Priority priority, Channel channel,
            CustomerRef customer, Long assigneeId, Long teamId, long departmentId, Set<String> tags, String complaintType,
            Instant createdAt, Instant updatedAt, List<String> highlights) {

        static TicketSummary of(Ticket t, List<String> highlights) {
            return new TicketSummary(t.getId(), t.getNumber(), t.getSubject(), t.getStatus(), t.getPriority(), t.getChannel(),
                    CustomerRef.of(t.getCustomer()), t.getAssigneeId(), t.getTeamId(), t.getDepartmentId(),
                    new TreeSet<>(t.getTags()), t.getComplaintType(), t.getCreatedAt(), t.getUpdatedAt(), highlights);
        }
    }

    record TicketView(long id, String number, String subject, TicketStatus status, List<TicketStatus> allowedTransitions,
            Priority priority, Channel channel, CustomerRef customer, String customerWords, String confirmedProblem,
            String demand, Instant demandDeadline, String complaintType, String productRef, String orderRef,
            Map<String, Object> customFields, Set<String> tags, Long assigneeId, Long teamId, long departmentId,
            Long mergedIntoId, Instant createdAt, Instant updatedAt, Instant firstResponseAt, Instant resolvedAt,
            Instant closedAt, String source) {

        static TicketView of(Ticket t, String customerWords) {
            return new TicketView(t.getId(), t.getNumber(), t.getSubject(), t.getStatus(),
                    t.getMergedIntoId() == null ? t.getStatus().allowedNext().stream().sorted().toList() : List.of(),
                    t.getPriority(), t.getChannel(), CustomerRef.of(t.getCustomer()), customerWords, t.getConfirmedProblem(),
                    t.getDemand(), t.getDemandDeadline(), t.getComplaintType(), t.getProductRef(), t.getOrderRef(),
                    t.getCustomFields(), new TreeSet<>(t.getTags()), t.getAssigneeId(), t.getTeamId(), t.getDepartmentId(),
                    t.getMergedIntoId(), t.getCreatedAt(), t.getUpdatedAt(), t.getFirstResponseAt(), t.getResolvedAt(),
                    t.getClosedAt(), t.getSource());
        }
    }

    /** A timeline entry; {@code attachments} is empty for entries without files. */
    record EntryView(long id, long ticketId, TimelineEntry.Kind kind, Author.Type authorType, Long authorId,
            String authorName, Channel channel, String body, String eventType, Object eventData, Instant createdAt,
            List<AttachmentView> attachments) {

        /**
         * @param viewedTicketId the ticket whose timeline is shown: download links go through it, so they
         *                       work for files on tickets merged into it, too
         */
        static EntryView of(TimelineEntry e, List<Attachment> files, long viewedTicketId) {
            Author author = e.getAuthor();
            return new EntryView(e.getId(), e.getTicket().getId(), e.getKind(), author.type(), author.id(), author.name(),
                    e.getChannel(), e.getBody(), e.getEventType(),
                    e.getEventData() == null ? null : JSON.readValue(e.getEventData(), Map.class), e.getCreatedAt(),
                    files.stream().map(a -> AttachmentView.of(a, viewedTicketId)).toList());
        }
    }

    /** A file on a timeline entry. {@code contentType} is the type found in the bytes, not the one claimed. */
    record AttachmentView(long id, String fileName, String contentType, long size, boolean inline, String contentId,
            String downloadUrl) {

        static AttachmentView of(Attachment a, long viewedTicketId) {
            return new AttachmentView(a.getId(), a.getFileName(), a.getContentType(), a.getSize(), a.isInline(),
                    a.getContentId(), "/api/v1/tickets/" + viewedTicketId + "/attachments/" + a.getId());
        }
    }

    record LinkView(long id, long sourceId, long targetId, TicketLink.Kind kind, Instant createdAt) {

        static LinkView of(TicketLink l) {
            return new LinkView(l.getId(), l.getSourceId(), l.getTargetId(), l.getKind(), l.getCreatedAt());
        }
    }

    record ComplaintTypeView(long id, String code, String nameZhCn, String nameZhTw, String nameEn, boolean builtin,
            boolean active, int position) {

        static ComplaintTypeView of(ComplaintType c) {
            return new ComplaintTypeView(c.getId(), c.getCode(), c.getNameZhCn(), c.getNameZhTw(), c.getNameEn(),
                    c.isBuiltin(), c.isActive(), c.getPosition());
        }
    }

    record CustomFieldView(long id, String key, String label, CustomFieldDefinition.Type type, List<String> options,
            boolean required, boolean active, int position) {

        static CustomFieldView of(CustomFieldDefinition d) {
            return new CustomFieldView(d.getId(), d.getKey(), d.getLabel(), d.getType(), d.getOptions(), d.isRequired(),
                    d.isActive(), d.getPosition());
        }
    }
}
