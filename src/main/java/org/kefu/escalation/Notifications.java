package org.kefu.escalation;

import java.time.Clock;
import java.util.List;
import org.kefu.platform.Cursor;
import org.kefu.platform.NotFoundException;
import org.kefu.platform.Slice;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * In-app notifications (the bell) with an optional email copy. A notification is stored in the
 * caller's transaction; the live push and the email go out after it commits.
 */
@Service
@Transactional
public class Notifications {

    static final String CURSOR_KEY = "notification";

    private final NotificationStore store;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Notifications(NotificationStore store, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    /** Published after a notification is stored; delivered live and by mail after the commit. */
    record NotificationCreated(Notification notification, boolean email) {
    }

    /**
     * Notifies one agent. {@code messageKey} must be a key of the escalation bundle; {@code args} are
     * plain text (shown escaped).
     */
    public Notification notify(long recipientId, String kind, Long ticketId, boolean email, String messageKey, List<String> args) {
        Notification n = store.insert(recipientId, kind, ticketId, messageKey, args, clock.instant());
        events.publishEvent(new NotificationCreated(n, email));
        return n;
    }

    @Transactional(readOnly = true)
    public Slice<Notification> list(long recipientId, boolean unreadOnly, String cursor, int limit) {
        Long before = cursor == null || cursor.isBlank() ? null : Cursor.decode(cursor, CURSOR_KEY).id();
        List<Notification> rows = store.page(recipientId, unreadOnly, before, limit + 1);
        return Slice.fromOverfetch(rows, limit, n -> new Cursor(CURSOR_KEY, null, n.id()));
    }

    @Transactional(readOnly = true)
    public long unreadCount(long recipientId) {
        return store.unreadCount(recipientId);
    }

    /** Marks one of the recipient's notifications read; someone else's is reported as not found. */
    public Notification markRead(long id, long recipientId) {
        Notification n = store.find(id).filter(x -> x.recipientId() == recipientId)
                .orElseThrow(() -> new NotFoundException("Notification", id));
        store.markRead(id, recipientId, clock.instant());
        return store.find(id).orElse(n);
    }

    public int markAllRead(long recipientId) {
        return store.markAllRead(recipientId, clock.instant());
    }
}
