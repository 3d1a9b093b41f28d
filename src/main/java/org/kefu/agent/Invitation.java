package org.kefu.agent;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A one-time link with which an invited agent sets a first password; only its hash is kept. */
@Entity
@Table(name = "agent_invitation")
class Invitation {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "agent_invitation_seq")
    @SequenceGenerator(name = "agent_invitation_seq", sequenceName = "agent_invitation_seq", allocationSize = 50)
    Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "agent_id")
    Agent agent;

    @Column(name = "token_hash", nullable = false, unique = true)
    String tokenHash;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "created_by_id")
    Long createdById;

    @Column(name = "expires_at", nullable = false)
    Instant expiresAt;

    @Column(name = "used_at")
    Instant usedAt;

    protected Invitation() {
    }

    Invitation(Agent agent, String tokenHash, Long createdById, Instant now, Instant expiresAt) {
        this.agent = agent;
        this.tokenHash = tokenHash;
        this.createdById = createdById;
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    boolean isUsableAt(Instant now) {
        return usedAt == null && now.isBefore(expiresAt) && agent.isActive();
    }

    void use(Instant now) {
        this.usedAt = now;
    }

    Agent getAgent() {
        return agent;
    }

    Instant getExpiresAt() {
        return expiresAt;
    }

    Instant getUsedAt() {
        return usedAt;
    }
}
