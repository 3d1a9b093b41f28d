package org.kefu.routing;

/** How a team hands out the tickets in its queue. */
public enum TeamStrategy {
    /** Agents pull tickets from the team queue themselves. */
    MANUAL,
    /** Each ticket goes to the available agent with room who got a ticket longest ago, skills aside. */
    ROUND_ROBIN,
    /** The best available agent by required skills, VIP seniority, skill level, load, then longest idle. */
    SKILLS_AND_LOAD;

    public boolean automatic() {
        return this != MANUAL;
    }
}
