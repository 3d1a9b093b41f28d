package org.kefu.escalation;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due reminders: reads unsent ones by ix_reminder_pending, claims each with a conditional
 * update (so one node sends it, once) and notifies its agent in the same transaction.
 */
@Component
class ReminderSweep {

    static final int BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(ReminderSweep.class);

    private final ReminderStore store;
    private final Notifications notifications;
    private final TransactionTemplate transactions;

    ReminderSweep(ReminderStore store, Notifications notifications, PlatformTransactionManager tm) {
        this.store = store;
        this.notifications = notifications;
        this.transactions = new TransactionTemplate(tm);
    }

    int sweep(Instant now) {
        Instant at = now.truncatedTo(ChronoUnit.MICROS);
        int sent = 0;
        while (true) {
            List<Long> batch = store.pending(at, BATCH);
            for (long id : batch) {
                try {
                    Boolean done = transactions.execute(tx -> send(id, at));
                    sent += Boolean.TRUE.equals(done) ? 1 : 0;
                } catch (RuntimeException e) {
                    log.warn("Reminder {} could not be sent", id, e);
                }
            }
            if (batch.size() < BATCH) {
                return sent;
            }
        }
    }

    private boolean send(long id, Instant now) {
        if (!store.claim(id, now)) {
            return false;
        }
        Reminder r = store.find(id).orElseThrow();
        if (r.doneAt() != null) {
            return false;
        }
        notifications.notify(r.agentId(), "REMINDER", r.ticketId(), true, "escalation.notification.REMINDER",
                List.of(r.ticketNumber(), r.ticketSubject(), r.note() == null ? "" : r.note()));
        return true;
    }
}
