package org.kefu.routing;

import java.time.Instant;

/** One automatic assignment and why it chose its agent (table routing_assignment). */
public record AssignmentRecord(long id, long ticketId, long agentId, String agentName, long teamId,
                               TeamStrategy strategy, String reason, String matchedSkills, int loadBefore, int maxLoad,
                               Long idleSeconds, Instant decidedAt) {
}
