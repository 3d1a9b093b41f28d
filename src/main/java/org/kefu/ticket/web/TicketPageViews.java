package org.kefu.ticket.web;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.kefu.platform.Channel;
import org.kefu.ticket.Attachment;
import org.kefu.ticket.AttachmentDownload;
import org.kefu.ticket.CustomFieldDefinition;
import org.kefu.ticket.MailBody;
import org.kefu.ticket.Priority;
import org.kefu.ticket.QuotedText;
import org.kefu.ticket.TicketStatus;

/** What the ticket page shows, read in one transaction so templates never touch lazy entities. */
final class TicketPageViews {

    private static final QuotedText QUOTED_TEXT = new QuotedText();

    private TicketPageViews() {
    }

    record Header(long id, String number, String subject, TicketStatus status, Priority priority, Channel channel,
            long customerId, String customerName, String tierCode, String tierName, boolean vip, Instant createdAt,
            Instant updatedAt, Long mergedIntoId, String mergedIntoNumber, boolean canResolve) {
    }

    record CustomerFallback(long id, String name, String tierCode, String tierName, boolean vip, List<String> emails,
            List<String> phones) {
    }

    /** One timeline line: a message or note with its body, or an event as a ready localized sentence. */
    record Item(long id, String kind, String cssClass, String author, String channel, String body, String sentence,
            Long refTicketId, String refNumber, Instant createdAt, List<FileItem> files) {

        public boolean isEvent() {
            return "EVENT".equals(kind);
        }

        /** A customer's body with quoted history and signature split off to be folded; others whole. */
        public MailBody folded() {
            return "CUSTOMER_MESSAGE".equals(kind) ? QUOTED_TEXT.split(body) : new MailBody(body, "");
        }

        Item withFiles(List<FileItem> attached) {
            return new Item(id, kind, cssClass, author, channel, body, sentence, refTicketId, refNumber, createdAt,
                    List.copyOf(attached));
        }
    }

    /** A file of a message or note, downloaded through the page route of the viewed ticket. */
    record FileItem(long id, String name, String size, String typeLabel, String contentType) {

        static FileItem of(Attachment a) {
            return new FileItem(a.getId(), a.getFileName(), AttachmentDownload.readableSize(a.getSize()),
                    AttachmentDownload.typeLabel(a.getFileName()), a.getContentType());
        }
    }

    record Timeline(long ticketId, List<Item> items, String earlierCursor) {
    }

    record Option(String value, String label) {
    }

    record TeamOption(long id, String name, long departmentId) {
    }

    record LinkItem(long id, long otherId, String otherNumber, String otherSubject, TicketStatus otherStatus,
            String relation) {
    }

    /** A custom field as the form shows it: definition and the current (or just submitted) value. */
    record CustomFieldInput(String key, String label, CustomFieldDefinition.Type type, boolean required,
            List<String> options, String value, Set<String> values) {

        public String inputType() {
            return switch (type) {
                case NUMBER -> "number";
                case DATE -> "date";
                default -> "text";
            };
        }
    }

    record Properties(long id, TicketStatus status, List<TicketStatus> allowedNext, Priority priority,
            long departmentId, Long teamId, Long assigneeId, List<Option> departments, List<TeamOption> teams,
            List<Option> agents, List<String> tags, String complaintType, List<Option> complaintTypes,
            String confirmedProblem, String demand, String demandDeadline, String productRef, String orderRef,
            List<CustomFieldInput> customFields, List<LinkItem> links, boolean merged) {

        public List<Priority> priorities() {
            return List.of(Priority.values());
        }
    }
}
