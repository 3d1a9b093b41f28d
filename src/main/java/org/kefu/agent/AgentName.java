package org.kefu.agent;

/** An agent as lists name it and pickers offer it: id, display name, and whether the account is active. */
public record AgentName(long id, String displayName, boolean active) {

    static AgentName of(Agent agent) {
        return new AgentName(agent.getId(), agent.getDisplayName(), agent.isActive());
    }
}
