package org.kefu.collaboration;

/** What happened to cross-department tasks, for other modules (priority counts departments involved). */
public final class TaskEvents {

    private TaskEvents() {
    }

    public record TaskOpened(long taskId, long ticketId, long departmentId) {
    }

    public record TaskAnswered(long taskId, long ticketId, long departmentId) {
    }

    public record TaskCancelled(long taskId, long ticketId, long departmentId) {
    }
}
