package org.kefu.ticket;

import org.kefu.platform.Channel;

/** What happened to tickets, for other modules (audit, SLA, routing, analytics) to react to. */
public final class TicketEvents {

    private TicketEvents() {
    }

    /**
     * @param priorityChosen whether whoever opened the ticket chose its priority (rather than taking the
     *                       default), so automatic prioritisation keeps that choice
     * @param firstMessageId the timeline entry of the customer's opening words (already written), if any
     * @param firstMessage   those words, so a listener that reads them needs no query (emotion, before the priority)
     */
    public record TicketOpened(long ticketId, String number, Channel channel, long customerId, long departmentId,
                               boolean priorityChosen, Long firstMessageId, String firstMessage) {

        public TicketOpened(long ticketId, String number, Channel channel, long customerId, long departmentId) {
            this(ticketId, number, channel, customerId, departmentId, false, null, null);
        }
    }

    /**
     * A new ticket is about to be inserted, in its own transaction; its id is not assigned yet. A listener may fill
     * in what the insert should carry, so that no update of the new row follows (the sla module: the due time its
     * clocks will start with). Everything else reacts to {@link TicketOpened}, after the insert.
     */
    public record TicketOpening(Ticket ticket) {
    }

    public record CustomerMessageReceived(long ticketId, long entryId, Channel channel) {
    }

    public record AgentReplied(long ticketId, long entryId, long agentId) {
    }

    public record TicketStatusChanged(long ticketId, TicketStatus from, TicketStatus to) {
    }

    /** Fields, placement, tags or notes changed; for pages that show the ticket to refresh. */
    public record TicketUpdated(long ticketId) {
    }

    public record TicketsMerged(long mergedId, String mergedNumber, long survivorId, String survivorNumber, long actorId) {
    }

    public record TicketsLinked(long sourceId, long targetId, TicketLink.Kind kind, long actorId) {
    }

    public record SearchIndexRebuildStarted(long actorId) {
    }
}
