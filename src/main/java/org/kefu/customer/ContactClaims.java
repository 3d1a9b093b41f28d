package org.kefu.customer;

import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.OptionalLong;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.id.IdentifierGenerator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Gives an email or a channel identity to a customer with {@code insert … on conflict do nothing}
 * (H2 knows it in PostgreSQL mode). A contact that another transaction took, even one not yet
 * committed (PostgreSQL waits for it), is simply not inserted: a plain insert would fail, and in
 * PostgreSQL a failed statement aborts the whole surrounding transaction (ticket, message, …).
 * The customer row must already be flushed. Row ids come from the entities' own pooled generator,
 * so they never collide with ids Hibernate hands out.
 */
@Component
class ContactClaims {

    private final EntityManager entityManager;
    private final JdbcClient jdbc;

    ContactClaims(EntityManager entityManager, JdbcClient jdbc) {
        this.entityManager = entityManager;
        this.jdbc = jdbc;
    }

    /** The new row's id if the email is now this customer's; empty if another customer has it. */
    OptionalLong email(long customerId, String normalisedEmail, Instant now) {
        long id = nextId(CustomerEmail.class);
        return claimed(id, jdbc.sql("insert into customer_email (id, customer_id, email, verified, created_at)"
                        + " values (?, ?, ?, false, ?) on conflict do nothing")
                .params(id, customerId, normalisedEmail, Timestamp.from(now))
                .update());
    }

    /** The new row's id if the identity is now this customer's; empty if another customer has it. */
    OptionalLong identity(long customerId, NewCustomer.IdentityRef identity, Instant now) {
        long id = nextId(CustomerIdentity.class);
        return claimed(id, jdbc.sql("insert into customer_identity (id, customer_id, channel, external_id, display_name, created_at)"
                        + " values (?, ?, ?, ?, ?, ?) on conflict do nothing")
                .params(id, customerId, identity.channel().name(), identity.externalId(), identity.displayName(),
                        Timestamp.from(now))
                .update());
    }

    private static OptionalLong claimed(long id, int inserted) {
        return inserted == 1 ? OptionalLong.of(id) : OptionalLong.empty();
    }

    private long nextId(Class<?> entity) {
        SharedSessionContractImplementor session = entityManager.unwrap(SharedSessionContractImplementor.class);
        IdentifierGenerator generator = (IdentifierGenerator) session.getFactory().getMappingMetamodel()
                .getEntityDescriptor(entity).getGenerator();
        return ((Number) generator.generate(session, null)).longValue();
    }
}
