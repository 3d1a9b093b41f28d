package org.kefu.platform.live;

/**
 * Something that happened which open pages should show at once. {@code name} is the SSE event
 * name; {@code data} a small JSON object (never customer text: pages fetch what they show through
 * their own, escaped templates). Only people who may see the ticket (by its department, team and
 * assignee) receive it.
 */
public record LiveEvent(String name, String data, Long departmentId, Long teamId, Long assigneeId) {
}
