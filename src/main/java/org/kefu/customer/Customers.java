package org.kefu.customer;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface Customers extends JpaRepository<Customer, Long> {

    /** With the tier, emails and phones in one query: a new ticket's search document holds the customer's contacts. */
    @Query("""
            select c from CustomerEmail e join e.customer c join fetch c.tier left join fetch c.emails
            left join fetch c.phones where e.email = :email""")
    Optional<Customer> findByEmail(String email);

    @Query("select p.customer from CustomerPhone p where p.phoneDigits = :digits")
    List<Customer> findByPhoneDigits(String digits);

    @Query("select i.customer from CustomerIdentity i where i.channel = :channel and i.externalId = :externalId")
    Optional<Customer> findByIdentity(org.kefu.platform.Channel channel, String externalId);
}
