package org.kefu.channel.phone;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface PhoneCalls extends JpaRepository<PhoneCall, Long> {

    /** Index ix_phone_call_ticket. */
    @Query("select c from PhoneCall c where c.ticketId = :ticketId order by c.startedAt desc, c.id desc")
    List<PhoneCall> onTicket(long ticketId, Limit limit);

    Optional<PhoneCall> findByExternalCallId(String externalCallId);
}
