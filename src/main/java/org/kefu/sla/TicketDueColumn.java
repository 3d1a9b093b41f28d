package org.kefu.sla;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code ticket.sla_next_due_at}, the earliest due time of a ticket's running clocks, which
 * "due soonest" lists sort by (docs/adr/0008-sla-due-sort-and-goal-outcomes.md). Called in the
 * ticket's own transaction after its clocks changed; the ticket entity never writes the column.
 */
@Component
class TicketDueColumn {

    private final JdbcClient jdbc;

    TicketDueColumn(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void refresh(long ticketId) {
        jdbc.sql("""
                        update ticket set sla_next_due_at =
                            (select min(c.due_at) from sla_clock c where c.ticket_id = ? and c.state = 'RUNNING')
                        where id = ?""")
                .param(ticketId).param(ticketId).update();
    }
}
