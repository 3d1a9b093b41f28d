package org.kefu.collaboration;

import java.time.Instant;

/** A question from a ticket to a department (跨部门协作), with its answer once given. */
public record TicketTask(long id, long ticketId, String ticketNumber, long departmentId, Long assigneeId, String question,
                         Instant dueAt, TaskState state, long askedById, String askedByName, Instant askedAt,
                         String answer, Long answeredById, String answeredByName, Instant answeredAt, Instant closedAt) {

    public boolean isOpen() {
        return state == TaskState.OPEN;
    }
}
