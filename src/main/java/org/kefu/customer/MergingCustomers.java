package org.kefu.customer;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import org.kefu.platform.Actor;
import org.kefu.platform.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Folds a duplicate customer into the one that stays. Every email, phone, identity, tag and
 * (through {@link CustomersMerged}) every ticket moves over; the merged record remains,
 * pointing to the survivor, so nothing is lost and old references still resolve.
 */
@Service
public class MergingCustomers {

    private final Customers customers;
    private final EntityManager entityManager;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MergingCustomers(Customers customers, EntityManager entityManager, ApplicationEventPublisher events, Clock clock) {
        this.customers = customers;
        this.entityManager = entityManager;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Customer merge(long mergedId, long survivorId, Actor actor) {
        Customer merged = customers.findById(mergedId).orElseThrow(() -> new NotFoundException("Customer", mergedId));
        Customer survivor = customers.findById(survivorId).orElseThrow(() -> new NotFoundException("Customer", survivorId));
        merged.mergeInto(survivor, clock.instant());
        for (String entity : new String[] {"CustomerEmail", "CustomerPhone", "CustomerIdentity"}) {
            entityManager.createQuery("update " + entity + " x set x.customer = :survivor where x.customer = :merged")
                    .setParameter("survivor", survivor)
                    .setParameter("merged", merged)
                    .executeUpdate();
        }
        entityManager.createNativeQuery("insert into customer_tag (customer_id, tag) select :survivor, t.tag from customer_tag t"
                        + " where t.customer_id = :merged and t.tag not in (select s.tag from customer_tag s where s.customer_id = :survivor)")
                .setParameter("survivor", survivorId)
                .setParameter("merged", mergedId)
                .executeUpdate();
        entityManager.createNativeQuery("delete from customer_tag where customer_id = :merged")
                .setParameter("merged", mergedId)
                .executeUpdate();
        events.publishEvent(new CustomersMerged(mergedId, survivorId, actor.id()));
        entityManager.flush();
        entityManager.refresh(survivor);
        return survivor;
    }
}
