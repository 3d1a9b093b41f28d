package org.kefu.ticket;

import java.util.Map;
import org.kefu.customer.Customer;
import org.kefu.platform.search.IndexedChanges;
import org.springframework.stereotype.Component;

/**
 * Tickets and customers changed since a time. Every change to what a ticket's document holds appends to its timeline,
 * which moves {@code updatedAt} ({@link Ticket#append}); its customer's name, emails and phones move the customer's.
 */
@Component
class TicketIndexedChanges implements IndexedChanges {

    @Override
    public Map<Class<?>, String> changedSince() {
        return Map.of(
                Ticket.class, "(e.updatedAt >= :since or e.customer.id in "
                        + "(select c.id from Customer c where c.updatedAt >= :since))",
                Customer.class, "e.updatedAt >= :since");
    }
}
