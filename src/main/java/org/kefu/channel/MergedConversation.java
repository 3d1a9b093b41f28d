package org.kefu.channel;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kefu.platform.Channel;
import org.kefu.platform.storage.InList;
import org.kefu.ticket.Ticket;
import org.kefu.ticket.Tickets;
import org.kefu.ticket.TimelineEntry;
import org.springframework.stereotype.Component;

/**
 * A ticket together with the tickets merged into it: one conversation whose customer may have
 * written through several channels. A reply on such a ticket goes back through the channel of the
 * customer's most recent message on the whole timeline, and only through that one (the email
 * channel and the webhook channels each ask {@link #repliesGoTo}); a ticket nothing was merged
 * into keeps its own channel.
 */
@Component
public class MergedConversation {

    private final Tickets tickets;
    private final EntityManager entityManager;

    MergedConversation(Tickets tickets, EntityManager entityManager) {
        this.tickets = tickets;
        this.entityManager = entityManager;
    }

    /** The ticket first, then the tickets merged into it (merging keeps this one level deep). */
    public List<Long> ticketIds(long ticketId) {
        List<Long> ids = new ArrayList<>();
        ids.add(ticketId);
        for (Ticket merged : tickets.findByMergedIntoId(ticketId)) {
            ids.add(merged.getId());
        }
        return ids;
    }

    /** The channel of the customer's most recent message on these tickets, if any. */
    public Optional<Channel> latestCustomerChannel(List<Long> ticketIds) {
        if (ticketIds.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> params = new HashMap<>();
        return InList.bind(entityManager.createQuery("select e.channel from TimelineEntry e where "
                        + InList.of(params, "e.ticket.id", "id", ticketIds)
                        + " and e.kind = :kind order by e.createdAt desc, e.id desc", Channel.class), params)
                .setParameter("kind", TimelineEntry.Kind.CUSTOMER_MESSAGE)
                .setMaxResults(1).getResultStream().findFirst();
    }

    /**
     * For a ticket with merged-in tickets: the channel its replies go to (that of the customer's most
     * recent message); empty for a ticket nothing was merged into (each channel decides as before).
     */
    public Optional<Channel> repliesGoTo(List<Long> group) {
        return group.size() < 2 ? Optional.empty() : latestCustomerChannel(group);
    }
}
