package org.kefu.workspace;

import java.time.Instant;
import org.kefu.platform.Channel;
import org.kefu.ticket.Priority;
import org.kefu.ticket.TicketStatus;

/**
 * One line of a ticket list, with the names it shows already resolved. {@code highlights} are
 * safe HTML (escaped customer text, only {@code <mark>} is markup) when the list is a search.
 */
public record WorkRow(long id, String number, String subject, long customerId, String customerName, String tierCode,
        String tierName, boolean vip, Priority priority, TicketStatus status, Channel channel, Long assigneeId,
        String assigneeName, Instant createdAt, Instant updatedAt, Instant dueAt, java.util.List<String> highlights) {
}
