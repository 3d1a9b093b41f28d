package org.kefu.portal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/** A single-use sign-in link sent to a customer: only its hash is kept; it expires and is used once. */
@Entity
@Table(name = "portal_sign_in_token")
class SignInLink {

    /** Whether a link can still sign someone in. */
    enum State {
        VALID, USED, EXPIRED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "portal_sign_in_token_seq")
    @SequenceGenerator(name = "portal_sign_in_token_seq", sequenceName = "portal_sign_in_token_seq", allocationSize = 50)
    Long id;

    @Column(name = "token_hash", nullable = false, length = 64)
    String tokenHash;

    @Column(name = "customer_id", nullable = false)
    long customerId;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    Instant expiresAt;

    @Column(name = "used_at")
    Instant usedAt;

    protected SignInLink() {
    }

    SignInLink(String tokenHash, long customerId, Instant now, Duration validFor) {
        this.tokenHash = tokenHash;
        this.customerId = customerId;
        this.createdAt = now;
        this.expiresAt = now.plus(validFor);
    }

    /** A link is valid until it is used or its expiry time is reached (the expiry instant itself is too late). */
    State state(Instant now) {
        if (usedAt != null) {
            return State.USED;
        }
        return now.isBefore(expiresAt) ? State.VALID : State.EXPIRED;
    }

    /** Marks the link used; only a valid link can be. */
    State use(Instant now) {
        State state = state(now);
        if (state == State.VALID) {
            usedAt = now;
        }
        return state;
    }

    Long getId() {
        return id;
    }

    long getCustomerId() {
        return customerId;
    }

    Instant getExpiresAt() {
        return expiresAt;
    }
}
