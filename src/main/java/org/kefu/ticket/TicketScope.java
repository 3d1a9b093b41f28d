package org.kefu.ticket;

/** Where a ticket sits: its department, team and assignee decide who may see it. */
public record TicketScope(Long ticketId, Long departmentId, Long teamId, Long assigneeId) {
}
