package org.kefu.customer;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.IndexedEmbedded;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;
import org.kefu.platform.Channel;
import org.kefu.platform.ConflictException;
import org.kefu.platform.search.KefuAnalysisConfigurer;

/**
 * A person or company the desk serves. Contact points (emails, phones, identities on other
 * channels) all lead here, so every channel's messages reach one customer record.
 */
@Entity
@Table(name = "customer")
@Indexed(index = "customer")
public class Customer {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "customer_seq")
    @SequenceGenerator(name = "customer_seq", sequenceName = "customer_seq", allocationSize = 50)
    Long id;

    @FullTextField(analyzer = KefuAnalysisConfigurer.TEXT)
    @Column(nullable = false)
    String name;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "organisation_id")
    Organisation organisation;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "tier_id")
    CustomerTier tier;

    @Column(name = "preferred_language")
    String preferredLanguage;

    @Column(name = "lifetime_value", nullable = false, precision = 14, scale = 2)
    BigDecimal lifetimeValue = BigDecimal.ZERO;

    @Column(length = 10000)
    String notes;

    // Sets (ordered by id: the first email is the oldest), so one query can fetch both with the customer.
    @IndexedEmbedded(includePaths = {"email", "email_text"})
    @OneToMany(mappedBy = "customer", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    Set<CustomerEmail> emails = new LinkedHashSet<>();

    @IndexedEmbedded(includePaths = "phoneDigits")
    @OneToMany(mappedBy = "customer", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    Set<CustomerPhone> phones = new LinkedHashSet<>();

    @OneToMany(mappedBy = "customer", cascade = CascadeType.ALL, orphanRemoval = true)
    List<CustomerIdentity> identities = new ArrayList<>();

    @KeywordField
    @ElementCollection
    @CollectionTable(name = "customer_tag", joinColumns = @JoinColumn(name = "customer_id"))
    @Column(name = "tag")
    Set<String> tags = new LinkedHashSet<>();

    @org.hibernate.search.mapper.pojo.mapping.definition.annotation.GenericField
    @Column(name = "merged_into_id")
    Long mergedIntoId;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    @Version
    long version;

    protected Customer() {
    }

    public Customer(String name, CustomerTier tier, Instant now) {
        this.name = requireName(name);
        this.tier = tier;
        this.createdAt = now;
        this.updatedAt = now;
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A customer needs a name");
        }
        return name.strip();
    }

    void rename(String name, Instant now) {
        this.name = requireName(name);
        touch(now);
    }

    void classify(CustomerTier tier, Organisation organisation, String preferredLanguage, Instant now) {
        this.tier = tier;
        this.organisation = organisation;
        this.preferredLanguage = preferredLanguage;
        touch(now);
    }

    void describe(BigDecimal lifetimeValue, String notes, Collection<String> tags, Instant now) {
        this.lifetimeValue = lifetimeValue;
        this.notes = notes;
        this.tags.clear();
        this.tags.addAll(tags);
        touch(now);
    }

    void addEmail(String normalisedEmail, boolean verified, Instant now) {
        if (emails.stream().noneMatch(e -> e.getEmail().equals(normalisedEmail))) {
            emails.add(new CustomerEmail(this, normalisedEmail, verified, now));
            touch(now);
        }
    }

    void replaceEmails(Collection<String> normalisedEmails, Instant now) {
        emails.removeIf(e -> !normalisedEmails.contains(e.getEmail()));
        normalisedEmails.forEach(e -> addEmail(e, false, now));
        touch(now);
    }

    void addPhone(String phone, boolean verified, Instant now) {
        String digits = PhoneNumbers.digits(phone);
        if (phones.stream().noneMatch(p -> p.getPhoneDigits().equals(digits))) {
            phones.add(new CustomerPhone(this, phone.strip(), verified, now));
            touch(now);
        }
    }

    void replacePhones(Collection<String> newPhones, Instant now) {
        Set<String> digits = new LinkedHashSet<>();
        newPhones.forEach(p -> digits.add(PhoneNumbers.digits(p)));
        phones.removeIf(p -> !digits.contains(p.getPhoneDigits()));
        newPhones.forEach(p -> addPhone(p, false, now));
        touch(now);
    }

    void addIdentity(Channel channel, String externalId, String displayName, Instant now) {
        boolean known = identities.stream()
                .anyMatch(i -> i.getChannel() == channel && i.getExternalId().equals(externalId));
        if (!known) {
            identities.add(new CustomerIdentity(this, channel, externalId, displayName, now));
            touch(now);
        }
    }

    /**
     * A contact row of this customer that {@code ContactClaims} wrote past the entity, read by its id: it joins its
     * collection without any SQL (the collections are the inverse side). Only for a customer whose collections are
     * in memory, such as one created in this transaction; a loaded customer is refreshed instead.
     */
    void adopt(CustomerEmail email) {
        emails.add(email);
    }

    /** See {@link #adopt(CustomerEmail)}. */
    void adopt(CustomerIdentity identity) {
        identities.add(identity);
    }

    /** Marks this record as folded into {@code survivor}; it stays for history, pointing there. */
    void mergeInto(Customer survivor, Instant now) {
        if (survivor.id.equals(id)) {
            throw new ConflictException("A customer cannot be merged into itself.");
        }
        if (mergedIntoId != null || survivor.mergedIntoId != null) {
            throw new ConflictException("A customer that was already merged cannot take part in another merge.");
        }
        survivor.lifetimeValue = survivor.lifetimeValue.add(lifetimeValue);
        if (notes != null && !notes.isBlank()) {
            survivor.notes = survivor.notes == null || survivor.notes.isBlank() ? notes : survivor.notes + "\n---\n" + notes;
        }
        survivor.touch(now);
        this.mergedIntoId = survivor.id;
        touch(now);
    }

    private void touch(Instant now) {
        this.updatedAt = now;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public Optional<Organisation> getOrganisation() {
        return Optional.ofNullable(organisation);
    }

    public CustomerTier getTier() {
        return tier;
    }

    public String getPreferredLanguage() {
        return preferredLanguage;
    }

    public BigDecimal getLifetimeValue() {
        return lifetimeValue;
    }

    public String getNotes() {
        return notes;
    }

    public List<CustomerEmail> getEmails() {
        return List.copyOf(emails);
    }

    public List<CustomerPhone> getPhones() {
        return List.copyOf(phones);
    }

    public List<CustomerIdentity> getIdentities() {
        return List.copyOf(identities);
    }

    public Set<String> getTags() {
        return Set.copyOf(tags);
    }

    public Long getMergedIntoId() {
        return mergedIntoId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public boolean isVip() {
        return CustomerTier.VIP.equals(tier.getCode());
    }

    static String normaliseEmail(String email) {
        return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }
}
