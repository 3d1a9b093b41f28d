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
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;
import org.kefu.platform.search.KefuAnalysisConfigurer;

@Entity
@Table(name = "customer_email")
public class CustomerEmail {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "customer_contact_seq")
    @SequenceGenerator(name = "customer_contact_seq", sequenceName = "customer_contact_seq", allocationSize = 50)
    Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "customer_id")
    Customer customer;

    @KeywordField(normalizer = KefuAnalysisConfigurer.KEYWORD)
    @FullTextField(name = "email_text", analyzer = KefuAnalysisConfigurer.TEXT)
    @Column(nullable = false, unique = true)
    String email;

    @Column(nullable = false)
    boolean verified;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    protected CustomerEmail() {
    }

    CustomerEmail(Customer customer, String email, boolean verified, Instant createdAt) {
        this.customer = customer;
        this.email = email;
        this.verified = verified;
        this.createdAt = createdAt;
    }

    public String getEmail() {
        return email;
    }

    public boolean isVerified() {
        return verified;
    }
}
