package org.kefu.customer;

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
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;

@Entity
@Table(name = "customer_phone")
public class CustomerPhone {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "customer_contact_seq")
    @SequenceGenerator(name = "customer_contact_seq", sequenceName = "customer_contact_seq", allocationSize = 50)
    Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "customer_id")
    Customer customer;

    @Column(nullable = false)
    String phone;

    @KeywordField
    @Column(name = "phone_digits", nullable = false)
    String phoneDigits;

    @Column(nullable = false)
    boolean verified;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    protected CustomerPhone() {
    }

    CustomerPhone(Customer customer, String phone, boolean verified, Instant createdAt) {
        this.customer = customer;
        this.phone = phone;
        this.phoneDigits = PhoneNumbers.digits(phone);
        this.verified = verified;
        this.createdAt = createdAt;
    }

    public String getPhone() {
        return phone;
    }

    public String getPhoneDigits() {
        return phoneDigits;
    }

    public boolean isVerified() {
        return verified;
    }
}
