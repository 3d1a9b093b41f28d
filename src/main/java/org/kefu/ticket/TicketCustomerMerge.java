package org.kefu.ticket;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import org.kefu.customer.Customer;
import org.kefu.customer.CustomersMerged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When two customers merge, their tickets move to the survivor in the same transaction,
 * each with a timeline event saying so.
 */
@Component
class TicketCustomerMerge {

    private final EntityManager entityManager;
    private final Clock clock;

    TicketCustomerMerge(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    @EventListener
    void on(CustomersMerged event) {
        Customer survivor = entityManager.find(Customer.class, event.survivorId());
        Author by = new Author(Author.Type.AGENT, event.actorId(), null);
        Instant now = clock.instant();
        entityManager.createQuery("select t from Ticket t where t.customer.id = :merged", Ticket.class)
                .setParameter("merged", event.mergedId())
                .getResultStream()
                .forEach(ticket -> ticket.changeCustomer(survivor, by, now));
    }
}
