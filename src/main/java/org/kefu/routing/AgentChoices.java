package org.kefu.routing;

import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The routing decision for channels that offer work rather than assign it (live chat): which agent
 * of a team the team's strategy (skills, load, VIP and angry customers to senior agents, longest
 * idle) would pick for a ticket. Nothing is assigned or recorded.
 */
@Service
public class AgentChoices {

    private final Assigning assigning;

    AgentChoices(Assigning assigning) {
        this.assigning = assigning;
    }

    /**
     * The agent for the ticket in the team, judged with {@code loads} (agent id → open items of the
     * caller's channel) instead of their open tickets, only among the agents in {@code loads}; empty
     * when the team is MANUAL or nobody fits.
     */
    @Transactional(readOnly = true)
    public Optional<Long> choose(long teamId, long ticketId, Map<Long, Integer> loads) {
        return assigning.suggest(teamId, ticketId, loads);
    }
}
