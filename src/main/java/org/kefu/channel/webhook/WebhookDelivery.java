package org.kefu.channel.webhook;

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

/** An agent's reply waiting to be (or already) posted to a channel's callback URL. */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery {

    public enum Status {
        PENDING, DELIVERED, FAILED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "channel_seq")
    @SequenceGenerator(name = "channel_seq", sequenceName = "channel_seq", allocationSize = 50)
    Long id;

    @Column(name = "channel_id", nullable = false)
    long channelId;

    @Column(name = "ticket_id", nullable = false)
    long ticketId;

    @Column(name = "entry_id", nullable = false)
    long entryId;

    @Column(nullable = false)
    String payload;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    Status status;

    @Column(nullable = false)
    int attempts;

    @Column(name = "last_error")
    String lastError;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "delivered_at")
    Instant deliveredAt;

    protected WebhookDelivery() {
    }

    WebhookDelivery(long channelId, long ticketId, long entryId, String payload, Instant now) {
        this.channelId = channelId;
        this.ticketId = ticketId;
        this.entryId = entryId;
        this.payload = payload;
        this.status = Status.PENDING;
        this.createdAt = now;
    }

    void attempted(String error) {
        attempts++;
        lastError = error == null ? null : error.length() > 1000 ? error.substring(0, 1000) : error;
    }

    void delivered(Instant now) {
        status = Status.DELIVERED;
        deliveredAt = now;
    }

    void failed() {
        status = Status.FAILED;
    }

    public Long getId() {
        return id;
    }

    public long getChannelId() {
        return channelId;
    }

    public long getTicketId() {
        return ticketId;
    }

    public long getEntryId() {
        return entryId;
    }

    String payload() {
        return payload;
    }

    public Status getStatus() {
        return status;
    }

    public int getAttempts() {
        return attempts;
    }

    public String getLastError() {
        return lastError;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getDeliveredAt() {
        return deliveredAt;
    }
}
