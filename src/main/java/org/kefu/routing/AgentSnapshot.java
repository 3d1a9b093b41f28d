package org.kefu.routing;

import java.time.Instant;
import java.util.List;
import org.kefu.agent.Skill;

/**
 * One team member as the assignment decision sees them, read in one go for the whole team.
 *
 * @param load           the agent's tickets that need work now: status NEW, OPEN or REOPENED (pending and
 *                       resolved tickets do not count)
 * @param lastAssignedAt when the desk last gave the agent a ticket automatically; null if never
 * @param presenceSince  when the agent's presence last changed (for an available agent: since when)
 */
record AgentSnapshot(long agentId, String name, boolean available, int load, int maxLoad, Instant lastAssignedAt,
                     Instant presenceSince, List<Skill> skills) {

    /** Skill level from which an agent counts as senior: VIP tickets prefer them. */
    static final int SENIOR_LEVEL = 4;

    AgentSnapshot {
        skills = List.copyOf(skills);
    }

    boolean hasRoom() {
        return load < maxLoad;
    }

    boolean canTakeWork() {
        return available && hasRoom();
    }

    /** Senior: at least one skill at level {@value #SENIOR_LEVEL} or 5. */
    boolean senior() {
        for (Skill s : skills) {
            if (s.level() != null && s.level() >= SENIOR_LEVEL) {
                return true;
            }
        }
        return false;
    }

    /**
     * Idle since the later of the last automatic assignment and the last presence change (for an
     * available agent: becoming available); null when neither is known (counts as idle longest).
     */
    Instant idleSince() {
        if (lastAssignedAt == null || presenceSince == null) {
            return lastAssignedAt == null ? presenceSince : lastAssignedAt;
        }
        return presenceSince.isAfter(lastAssignedAt) ? presenceSince : lastAssignedAt;
    }
}
