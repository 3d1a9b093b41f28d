package org.kefu.channel.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One message taken in from a gateway. Written first (unique per channel and external message id),
 * so a redelivery finds it and gets the same answer, and completed with where the message went.
 */
@Entity
@Table(name = "webhook_message")
class WebhookMessage {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "channel_seq")
    @SequenceGenerator(name = "channel_seq", sequenceName = "channel_seq", allocationSize = 50)
    Long id;

    @Column(name = "channel_id", nullable = false)
    long channelId;

    @Column(name = "external_message_id", nullable = false)
    String externalMessageId;

    @Column(name = "external_user_id", nullable = false)
    String externalUserId;

    @Column(name = "ticket_id")
    Long ticketId;

    @Column(name = "ticket_number")
    String ticketNumber;

    @Column(name = "entry_id")
    Long entryId;

    @Column(name = "customer_id")
    Long customerId;

    @Column(name = "new_ticket", nullable = false)
    boolean newTicket;

    @Column(name = "received_at", nullable = false)
    Instant receivedAt;

    protected WebhookMessage() {
    }

    WebhookMessage(long channelId, String externalMessageId, String externalUserId, Instant receivedAt) {
        this.channelId = channelId;
        this.externalMessageId = externalMessageId;
        this.externalUserId = externalUserId;
        this.receivedAt = receivedAt;
    }

    void placed(long ticketId, String ticketNumber, Long entryId, long customerId, boolean newTicket) {
        this.ticketId = ticketId;
        this.ticketNumber = ticketNumber;
        this.entryId = entryId;
        this.customerId = customerId;
        this.newTicket = newTicket;
    }

    long channelId() {
        return channelId;
    }

    String externalUserId() {
        return externalUserId;
    }

    Long ticketId() {
        return ticketId;
    }

    WebhookReceipt receipt() {
        return new WebhookReceipt(externalMessageId, ticketId, ticketNumber, entryId, customerId, newTicket);
    }
}
