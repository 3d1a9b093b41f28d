package org.kefu.customer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.kefu.platform.Channel;

/** The customer's id on another channel: a chat visitor id, a WeChat account, ... */
@Entity
@Table(name = "customer_identity")
public class CustomerIdentity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "customer_contact_seq")
    @SequenceGenerator(name = "customer_contact_seq", sequenceName = "customer_contact_seq", allocationSize = 50)
    Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "customer_id")
    Customer customer;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    Channel channel;

    @Column(name = "external_id", nullable = false)
    String externalId;

    @Column(name = "display_name")
    String displayName;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    protected CustomerIdentity() {
    }

    CustomerIdentity(Customer customer, Channel channel, String externalId, String displayName, Instant createdAt) {
        this.customer = customer;
        this.channel = channel;
        this.externalId = externalId;
        this.displayName = displayName;
        this.createdAt = createdAt;
    }

    public Channel getChannel() {
        return channel;
    }

    public String getExternalId() {
        return externalId;
    }

    public String getDisplayName() {
        return displayName;
    }
}
