package org.kefu.goals;

import java.util.Set;

/** What a service goal measures, from the ticket's opening. */
public enum GoalMetric {
    /** The first agent reply. */
    FIRST_RESPONSE,
    /** The first agent reply on a chat ticket (a goal with this metric covers chat tickets only). */
    CHAT_FIRST_RESPONSE,
    /** The ticket reaching RESOLVED (or CLOSED) the first time. */
    RESOLUTION;

    static final Set<GoalMetric> ANSWERS = Set.of(FIRST_RESPONSE, CHAT_FIRST_RESPONSE);
}
