package org.kefu.ticket;

import org.kefu.platform.Channel;

/** What happened to tickets, for other modules (audit, SLA, routing, analytics) to react to. */
public final class TicketEvents {

    private TicketEvents() {
    }

    public record TicketOpened(long ticketId, String number, Channel channel, long customerId, long departmentId) {
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
