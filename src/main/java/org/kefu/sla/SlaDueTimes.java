package org.kefu.sla;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * For ticket lists: by when each ticket must next be answered or solved (its earliest running SLA
 * target), in one query per page of tickets (served by the (ticket_id, metric) unique index), and
 * whether that target is at risk (past its warning point) or already breached.
 */
@Service
@Transactional(readOnly = true)
public class SlaDueTimes {

    /** How a ticket's next target stands: on track, past its warning point, or missed. */
    public enum Risk {
        OK, AT_RISK, BREACHED
    }

    /**
     * The earliest due time of a ticket's running targets; {@code paused} when all of them wait on the
     * customer (then the earliest paused one, which cannot be at risk).
     */
    public record NextDue(Instant dueAt, boolean paused, Risk risk) {

        public NextDue(Instant dueAt, boolean paused) {
            this(dueAt, paused, Risk.OK);
        }

        public boolean atRisk() {
            return risk == Risk.AT_RISK;
        }

        public boolean breached() {
            return risk == Risk.BREACHED;
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    SlaDueTimes(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Map<Long, NextDue> forTickets(Collection<Long> ticketIds) {
        Map<Long, NextDue> due = new HashMap<>();
        if (ticketIds.isEmpty()) {
            return due;
        }
        Instant now = clock.instant();
        List<Object[]> rows = jdbc.sql("""
                select ticket_id, state, due_at, warn_at, breached from sla_clock
                where ticket_id in (:ids) and state in ('RUNNING', 'PAUSED')""")
                .param("ids", List.copyOf(ticketIds))
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getTimestamp(3), rs.getTimestamp(4),
                        rs.getBoolean(5)})
                .list();
        for (Object[] row : rows) {
            long ticket = (Long) row[0];
            boolean running = "RUNNING".equals(row[1]);
            Instant at = ((Timestamp) row[2]).toInstant();
            Instant warnAt = ((Timestamp) row[3]).toInstant();
            boolean breached = (Boolean) row[4];
            Risk risk = !running ? Risk.OK
                    : breached || at.isBefore(now) ? Risk.BREACHED
                    : !warnAt.isAfter(now) ? Risk.AT_RISK : Risk.OK;
            NextDue before = due.get(ticket);
            if (before == null || (running && (before.paused() || at.isBefore(before.dueAt())))
                    || (!running && before.paused() && at.isBefore(before.dueAt()))) {
                due.put(ticket, new NextDue(at, !running, risk));
            }
        }
        return due;
    }
}
