package org.kefu.customer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A customer tier such as VIP or regular; a higher rank is served first. */
@Entity
@Table(name = "customer_tier")
public class CustomerTier {

    public static final String VIP = "VIP";
    public static final String REGULAR = "REGULAR";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "customer_tier_seq")
    @SequenceGenerator(name = "customer_tier_seq", sequenceName = "customer_tier_seq", allocationSize = 50)
    Long id;

    @Column(nullable = false, unique = true)
    String code;

    @Column(nullable = false)
    String name;

    @Column(name = "tier_rank", nullable = false)
    int rank;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    protected CustomerTier() {
    }

    public CustomerTier(String code, String name, int rank, Instant createdAt) {
        this.code = code;
        this.name = name;
        this.rank = rank;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public int getRank() {
        return rank;
    }

    /**
     * An unmanaged instance standing for the stored tier {@code tier}, to set as a customer's tier without reading the
     * table: Hibernate takes an entity with a generated id that is set as stored, and writes only its id. A new
     * instance on every call, never shared.
     */
    static CustomerTier standingFor(TierRanking.Tier tier) {
        CustomerTier t = new CustomerTier(tier.code(), tier.name(), tier.rank(), null);
        t.id = tier.id();
        return t;
    }

    void rename(String name, int rank) {
        this.name = name;
        this.rank = rank;
    }
}
