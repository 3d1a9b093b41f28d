package org.kefu.channel.email;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import org.kefu.channel.MergedConversation;
import org.kefu.platform.Channel;
import org.kefu.ticket.Ticket;
import org.kefu.ticket.TicketEvents;
import org.kefu.ticket.Tickets;
import org.kefu.ticket.TimelineEntry;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * An agent's reply on a mail ticket goes to the outbox in the reply's own transaction: if the reply
 * commits, the mail will be sent (and survives a restart); if it rolls back, nothing is sent. On a
 * ticket other tickets were merged into, it goes by mail only when the customer's most recent
 * message on the whole timeline came by mail ({@link MergedConversation}).
 */
@Component
class ReplyMailer {

    private final Tickets tickets;
    private final EntityManager entityManager;
    private final OutboundMail outbound;
    private final MergedConversation conversation;

    ReplyMailer(Tickets tickets, EntityManager entityManager, OutboundMail outbound, MergedConversation conversation) {
        this.conversation = conversation;
        this.tickets = tickets;
        this.entityManager = entityManager;
        this.outbound = outbound;
    }

    @EventListener
    @Transactional
    void replied(TicketEvents.AgentReplied e) {
        Ticket ticket = tickets.findById(e.ticketId()).orElse(null);
        if (ticket == null) {
            return;
        }
        List<Long> group = conversation.ticketIds(ticket.getId());
        Optional<Channel> route = conversation.repliesGoTo(group);
        if (route.isPresent() ? route.get() != Channel.EMAIL : !outbound.byMail(ticket)) {
            return;
        }
        TimelineEntry entry = entityManager.find(TimelineEntry.class, e.entryId());
        if (entry == null) {
            return;
        }
        outbound.reply(ticket, group, e.entryId(), entry.getBody());
    }
}
