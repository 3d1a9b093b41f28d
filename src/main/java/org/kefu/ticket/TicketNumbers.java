package org.kefu.ticket;

import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import java.time.Clock;
import java.time.ZoneId;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Hands out ticket numbers from a database sequence, so every node of a cluster gets unique
 * ones without locking. The year is the desk's local year when the ticket is opened.
 */
@Component
class TicketNumbers {

    private final EntityManager entityManager;
    private final Clock clock;
    private final ZoneId zone;
    private final String nextValueSql;

    TicketNumbers(EntityManager entityManager, Clock clock, @Value("${kefu.time-zone:Asia/Shanghai}") String zone) {
        this.entityManager = entityManager;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
        this.nextValueSql = entityManager.getEntityManagerFactory().unwrap(SessionFactoryImplementor.class)
                .getJdbcServices().getDialect().getSequenceSupport().getSequenceNextValString("ticket_number_seq");
    }

    TicketNumber next() {
        // A sequence value depends on no pending change: no flush of the session before it (a native
        // query flushes everything by default, dirty-checking each entity the transaction holds).
        Number value = (Number) entityManager.createNativeQuery(nextValueSql).setFlushMode(FlushModeType.COMMIT).getSingleResult();
        return TicketNumber.of(clock.instant().atZone(zone).getYear(), value.longValue());
    }
}
