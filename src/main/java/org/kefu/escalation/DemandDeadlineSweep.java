package org.kefu.escalation;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demand deadlines (诉求时效): reminds a ticket's assignee once when the customer's deadline is
 * within {@code kefu.reminders.demand-lead} (default 2 h). Scans ix_ticket_demand_deadline over
 * (now - grace, now + lead]; the primary key of demand_reminder_sent (ticket, deadline) makes it
 * once per deadline, across nodes. A ticket without an assignee is reminded once it gets one.
 */
@Component
class DemandDeadlineSweep {

    static final int BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(DemandDeadlineSweep.class);

    private final JdbcClient jdbc;
    private final Notifications notifications;
    private final TransactionTemplate transactions;
    private final Duration lead;
    private final Duration grace;

    DemandDeadlineSweep(JdbcClient jdbc, Notifications notifications, PlatformTransactionManager tm,
                        @Value("${kefu.reminders.demand-lead:PT2H}") Duration lead,
                        @Value("${kefu.reminders.demand-grace:PT1H}") Duration grace) {
        this.jdbc = jdbc;
        this.notifications = notifications;
        this.transactions = new TransactionTemplate(tm);
        this.lead = lead;
        this.grace = grace;
    }

    record Due(long ticketId, String number, String subject, long assigneeId, Instant deadline) {
    }

    int sweep(Instant now) {
        Instant at = now.truncatedTo(ChronoUnit.MICROS);
        int sent = 0;
        Instant afterDeadline = at.minus(grace);
        long afterId = -1;
        while (true) {
            List<Due> batch = due(at, afterDeadline, afterId);
            for (Due d : batch) {
                try {
                    Boolean done = transactions.execute(tx -> remind(d, at));
                    sent += Boolean.TRUE.equals(done) ? 1 : 0;
                } catch (DuplicateKeyException alreadySent) {
                    // another node reminded first
                } catch (RuntimeException e) {
                    log.warn("Demand deadline reminder for ticket {} failed", d.ticketId(), e);
                }
            }
            if (batch.size() < BATCH) {
                return sent;
            }
            afterDeadline = batch.getLast().deadline();
            afterId = batch.getLast().ticketId();
        }
    }

    private List<Due> due(Instant now, Instant afterDeadline, long afterId) {
        return jdbc.sql("""
                        select t.id, t.number, t.subject, t.assignee_id, t.demand_deadline from ticket t
                        where t.demand_deadline > ? and t.demand_deadline <= ?
                          and (t.demand_deadline > ? or t.id > ?)
                          and t.assignee_id is not null
                          and t.status in ('NEW', 'OPEN', 'PENDING_CUSTOMER', 'PENDING_INTERNAL', 'REOPENED')
                          and not exists (select 1 from demand_reminder_sent s
                                          where s.ticket_id = t.id and s.deadline = t.demand_deadline)
                        order by t.demand_deadline, t.id
                        fetch first %d rows only""".formatted(BATCH))
                .params(Timestamp.from(now.minus(grace)), Timestamp.from(now.plus(lead)), Timestamp.from(afterDeadline),
                        afterId)
                .query((rs, n) -> new Due(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        NotificationStore.instant(rs, "demand_deadline")))
                .list();
    }

    private boolean remind(Due d, Instant now) {
        jdbc.sql("insert into demand_reminder_sent (ticket_id, deadline, sent_at) values (?, ?, ?)")
                .params(d.ticketId(), Timestamp.from(d.deadline()), Timestamp.from(now)).update();
        notifications.notify(d.assigneeId(), "DEMAND_DEADLINE", d.ticketId(), true, "escalation.notification.DEMAND_DEADLINE",
                List.of(d.number(), d.subject(), d.deadline().toString()));
        return true;
    }
}
