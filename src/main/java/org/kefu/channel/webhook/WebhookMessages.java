package org.kefu.channel.webhook;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface WebhookMessages extends JpaRepository<WebhookMessage, Long> {

    @Query("select m from WebhookMessage m where m.channelId = :channelId and m.externalMessageId = :externalMessageId")
    Optional<WebhookMessage> find(long channelId, String externalMessageId);

    /** The conversation's latest placed message (index ix_webhook_message_thread). */
    @Query("select m from WebhookMessage m where m.channelId = :channelId and m.externalUserId = :externalUserId"
            + " and m.ticketId is not null order by m.receivedAt desc, m.id desc")
    List<WebhookMessage> latestInThread(long channelId, String externalUserId, Limit limit);

    /** The latest message that went to a ticket (index ix_webhook_message_ticket): whom to send replies to. */
    @Query("select m from WebhookMessage m where m.ticketId = :ticketId order by m.receivedAt desc, m.id desc")
    List<WebhookMessage> latestOnTicket(long ticketId, Limit limit);

    @Query("select m from WebhookMessage m where m.ticketId in :ticketIds order by m.receivedAt desc, m.id desc")
    List<WebhookMessage> latestOnTickets(java.util.Collection<Long> ticketIds, Limit limit);
}
