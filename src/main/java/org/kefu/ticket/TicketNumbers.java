package org.kefu.ticket;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.ZoneId;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Hands out ticket numbers from a database sequence, so every node of a cluster gets unique
 * ones without locking. The year is the desk's local year when the ticket is opened.
 */
@Component
class TicketNumbers {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ZoneId zone;
    private final String nextValueSql;

    TicketNumbers(EntityManager entityManager, JdbcClient jdbc, Clock clock,
            @Value("${kefu.time-zone:Asia/Shanghai}") String zone) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
        this.nextValueSql = entityManager.getEntityManagerFactory().unwrap(SessionFactoryImplementor.class)
                .getJdbcServices().getDialect().getSequenceSupport().getSequenceNextValString("ticket_number_seq");
    }

    TicketNumber next() {
        // Plain JDBC on the transaction's connection: a sequence value depends on no pending change, so no flush
        // of the session (a native query flushes by default), and none of Hibernate's query machinery around it.
        long value = jdbc.sql(nextValueSql).query(Long.class).single();
        return TicketNumber.of(clock.instant().atZone(zone).getYear(), value);
    }
}
