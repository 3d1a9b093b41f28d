package org.kefu.ticket;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A relation between two tickets: related, or parent (source) and child (target). */
@Entity
@Table(name = "ticket_link")
public class TicketLink {

    public enum Kind {
        RELATED, PARENT_CHILD
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ticket_link_seq")
    @SequenceGenerator(name = "ticket_link_seq", sequenceName = "ticket_link_seq", allocationSize = 50)
    Long id;

    @Column(name = "source_id", nullable = false)
    long sourceId;

    @Column(name = "target_id", nullable = false)
    long targetId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    Kind kind;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "created_by_id")
    Long createdById;

    protected TicketLink() {
    }

    TicketLink(long sourceId, long targetId, Kind kind, Long createdById, Instant createdAt) {
        this.sourceId = sourceId;
        this.targetId = targetId;
        this.kind = kind;
        this.createdById = createdById;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public long getSourceId() {
        return sourceId;
    }

    public long getTargetId() {
        return targetId;
    }

    public Kind getKind() {
        return kind;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
