package org.kefu.channel.email;

import jakarta.persistence.EntityManager;
import org.kefu.ticket.Ticket;
import org.kefu.ticket.TicketEvents;
import org.kefu.ticket.Tickets;
import org.kefu.ticket.TimelineEntry;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * An agent's reply on a mail ticket goes to the outbox in the reply's own transaction: if the reply
 * commits, the mail will be sent (and survives a restart); if it rolls back, nothing is sent.
 */
@Component
class ReplyMailer {

    private final Tickets tickets;
    private final EntityManager entityManager;
    private final OutboundMail outbound;

    ReplyMailer(Tickets tickets, EntityManager entityManager, OutboundMail outbound) {
        this.tickets = tickets;
        this.entityManager = entityManager;
        this.outbound = outbound;
    }

    @EventListener
    @Transactional
    void replied(TicketEvents.AgentReplied e) {
        Ticket ticket = tickets.findById(e.ticketId()).orElse(null);
        if (ticket == null || !outbound.byMail(ticket)) {
            return;
        }
        TimelineEntry entry = entityManager.find(TimelineEntry.class, e.entryId());
        if (entry == null) {
            return;
        }
        outbound.reply(ticket, e.entryId(), entry.getBody());
    }
}
