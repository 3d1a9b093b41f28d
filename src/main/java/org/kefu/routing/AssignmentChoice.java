package org.kefu.routing;

import java.time.Duration;
import java.util.List;

/**
 * The agent a decision picked and why: the skills that matched, the load before, how long they were
 * idle, and whether a VIP ticket went to a senior agent.
 */
record AssignmentChoice(AgentSnapshot agent, TeamStrategy strategy, List<String> matchedSkills, Duration idle,
                        boolean seniorForVip) {

    AssignmentChoice {
        matchedSkills = List.copyOf(matchedSkills);
    }

    long idleMinutes() {
        return idle == null ? 0 : Math.max(0, idle.toMinutes());
    }

    String skillsText() {
        return matchedSkills.isEmpty() ? "—" : String.join(", ", matchedSkills);
    }

    /** The reason in plain words for the assignment log (the timeline shows it in the reader's language). */
    String reason() {
        String load = "load " + agent.load() + "/" + agent.maxLoad() + "; idle " + idleMinutes() + " min";
        return strategy == TeamStrategy.ROUND_ROBIN ? "round robin; " + load
                : "skills: " + skillsText() + "; " + load + (seniorForVip ? "; senior agent for a VIP customer" : "");
    }
}
