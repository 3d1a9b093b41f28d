package org.kefu.channel.webhook;

import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface WebhookDeliveries extends JpaRepository<WebhookDelivery, Long> {

    @Query("select d from WebhookDelivery d where d.ticketId = :ticketId order by d.createdAt desc, d.id desc")
    List<WebhookDelivery> onTicket(long ticketId, Limit limit);
}
