package org.kefu.collaboration;

import java.time.Instant;

/** One hand-over of a ticket (转接): from whom, to which agent, team or department, and why. */
public record TicketTransfer(long id, long ticketId, long fromAgentId, String fromName, TargetKind targetKind,
                             long targetId, String targetName, String reason, Instant createdAt) {

    public enum TargetKind {
        AGENT, TEAM, DEPARTMENT
    }
}
