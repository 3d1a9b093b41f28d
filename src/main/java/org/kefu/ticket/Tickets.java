package org.kefu.ticket;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface Tickets extends JpaRepository<Ticket, Long> {

    Optional<Ticket> findByNumber(String number);

    @Query("select t.id from Ticket t where t.customer.id = :customerId")
    List<Long> findIdsByCustomerId(long customerId);

    List<Ticket> findByMergedIntoId(long mergedIntoId);
}
