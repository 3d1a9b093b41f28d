package org.kefu.sla;

import java.sql.Timestamp;
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
 * target), in one query per page of tickets (served by the (ticket_id, metric) unique index).
 */
@Service
@Transactional(readOnly = true)
public class SlaDueTimes {

    /** The earliest due time of a ticket's running targets; {@code paused} when all of them wait on the customer. */
    public record NextDue(Instant dueAt, boolean paused) {
    }

    private final JdbcClient jdbc;

    SlaDueTimes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Map<Long, NextDue> forTickets(Collection<Long> ticketIds) {
        Map<Long, NextDue> due = new HashMap<>();
        if (ticketIds.isEmpty()) {
            return due;
        }
        List<Object[]> rows = jdbc.sql("""
                select ticket_id, state, due_at from sla_clock
                where ticket_id in (:ids) and state in ('RUNNING', 'PAUSED')""")
                .param("ids", List.copyOf(ticketIds))
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getTimestamp(3)})
                .list();
        for (Object[] row : rows) {
            long ticket = (Long) row[0];
            boolean running = "RUNNING".equals(row[1]);
            Instant at = ((Timestamp) row[2]).toInstant();
            NextDue before = due.get(ticket);
            if (before == null || (running && (before.paused() || at.isBefore(before.dueAt())))
                    || (!running && before.paused() && at.isBefore(before.dueAt()))) {
                due.put(ticket, new NextDue(at, !running));
            }
        }
        return due;
    }
}
