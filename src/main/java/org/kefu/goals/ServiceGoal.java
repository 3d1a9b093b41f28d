package org.kefu.goals;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * A service goal: {@code targetPercent} % of the tickets it covers must reach {@code metric} within
 * {@code threshold} of business time on the calendar. Filters left null match every ticket.
 */
public record ServiceGoal(Long id, String name, GoalMetric metric, BigDecimal targetPercent, Duration threshold,
                          long calendarId, String channel, String priority, Long teamId, Long departmentId,
                          String complaintType, boolean active, long version) {

    /** What a goal looks at on a ticket when it opens. */
    record TicketFacts(String channel, String priority, Long teamId, Long departmentId, String complaintType) {
    }

    boolean covers(TicketFacts t) {
        if (!active) {
            return false;
        }
        if (metric == GoalMetric.CHAT_FIRST_RESPONSE && !"CHAT".equalsIgnoreCase(t.channel())) {
            return false;
        }
        return same(channel, t.channel()) && same(priority, t.priority()) && same(complaintType, t.complaintType())
                && (teamId == null || teamId.equals(t.teamId()))
                && (departmentId == null || departmentId.equals(t.departmentId()));
    }

    private static boolean same(String wanted, String actual) {
        return wanted == null || wanted.equalsIgnoreCase(actual);
    }
}
