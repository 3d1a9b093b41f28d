package org.kefu.platform.idempotency;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "idempotency_key")
class IdempotencyRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "idempotency_key_seq")
    @SequenceGenerator(name = "idempotency_key_seq", sequenceName = "idempotency_key_seq", allocationSize = 50)
    Long id;

    @Column(name = "principal_id", nullable = false)
    long principalId;

    @Column(name = "idem_key", nullable = false)
    String key;

    @Column(name = "request_hash", nullable = false)
    String requestHash;

    @Column(name = "resource_type")
    String resourceType;

    @Column(name = "resource_id")
    Long resourceId;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    protected IdempotencyRecord() {
    }

    IdempotencyRecord(long principalId, String key, String requestHash, String resourceType, Instant createdAt) {
        this.principalId = principalId;
        this.key = key;
        this.requestHash = requestHash;
        this.resourceType = resourceType;
        this.createdAt = createdAt;
    }

    void completedWith(long resourceId) {
        this.resourceId = resourceId;
    }

    String requestHash() {
        return requestHash;
    }

    String resourceType() {
        return resourceType;
    }

    Long resourceId() {
        return resourceId;
    }
}
