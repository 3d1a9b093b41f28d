package org.kefu.escalation;

import java.time.Instant;
import java.util.List;

/**
 * A message to one agent, shown under the bell. {@code messageKey} is a key of the escalation
 * bundle, rendered with {@code args} in the reader's language.
 */
public record Notification(long id, long recipientId, String kind, Long ticketId, String messageKey, List<String> args,
                           Instant createdAt, Instant readAt) {

    public Notification {
        args = args == null ? List.of() : List.copyOf(args);
    }

    public boolean unread() {
        return readAt == null;
    }
}
