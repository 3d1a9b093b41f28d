package org.kefu.agent;

import org.kefu.platform.Role;

/** Administrative events about accounts and tokens; the audit log records them. */
public final class AgentEvents {

    private AgentEvents() {
    }

    public record AgentCreated(long agentId, String email, Role role, Long actorId) {
    }

    public record AgentRoleChanged(long agentId, String email, Role from, Role to, long actorId) {
    }

    public record AgentPlacementChanged(long agentId, String email, java.util.Set<Long> departmentIds,
            java.util.Set<Long> teamIds, long actorId) {
    }

    public record AgentDeactivated(long agentId, String email, long actorId) {
    }

    public record ApiTokenCreated(long tokenId, long agentId, String name, Long actorId) {
    }

    public record ApiTokenRevoked(long tokenId, long agentId, String name, long actorId) {
    }

    /** An agent became available, busy, away or offline; routing assigns waiting tickets to agents who became available. */
    public record PresenceChanged(long agentId, Presence from, Presence to) {
    }

    public record PasswordChanged(long agentId) {
    }

    public record AgentLockedOut(long agentId, String email) {
    }
}
