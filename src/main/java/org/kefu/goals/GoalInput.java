package org.kefu.goals;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.kefu.platform.InvalidRequestException;
import org.kefu.platform.InvalidRequestException.FieldProblem;

/**
 * A service goal as supervisors send it. {@code threshold} is an ISO-8601 duration of business time
 * ({@code PT2H}, {@code PT15S}); {@code targetPercent} is more than 0 and at most 100 (two decimals).
 */
public record GoalInput(String name, String metric, BigDecimal targetPercent, String threshold, Long calendarId,
                        String channel, String priority, Long teamId, Long departmentId, String complaintType,
                        Boolean active) {

    private static final Set<String> PRIORITIES = Set.of("P1", "P2", "P3", "P4");
    private static final Set<String> CHANNELS = Set.of("EMAIL", "CHAT", "PHONE", "WEB", "SOCIAL", "API");

    /** What {@link ManagingGoals} would refuse in this input by itself, for forms. */
    public List<FieldProblem> problems() {
        try {
            validate(null, 0);
            return List.of();
        } catch (InvalidRequestException e) {
            return e.problems();
        }
    }

    ServiceGoal validate(Long id, long version) {
        List<FieldProblem> problems = new ArrayList<>();
        if (name == null || name.isBlank()) {
            problems.add(new FieldProblem("name", "must not be blank"));
        } else if (name.strip().length() > 100) {
            problems.add(new FieldProblem("name", "must be at most 100 characters"));
        }
        GoalMetric m = null;
        if (metric == null || metric.isBlank()) {
            problems.add(new FieldProblem("metric", "must be FIRST_RESPONSE, CHAT_FIRST_RESPONSE or RESOLUTION"));
        } else {
            try {
                m = GoalMetric.valueOf(metric.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("metric", "must be FIRST_RESPONSE, CHAT_FIRST_RESPONSE or RESOLUTION"));
            }
        }
        if (targetPercent == null) {
            problems.add(new FieldProblem("targetPercent", "must not be null"));
        } else if (targetPercent.signum() <= 0 || targetPercent.compareTo(BigDecimal.valueOf(100)) > 0
                || targetPercent.stripTrailingZeros().scale() > 2) {
            problems.add(new FieldProblem("targetPercent", "must be more than 0 and at most 100, with at most two decimals"));
        }
        Duration limit = null;
        if (threshold == null || threshold.isBlank()) {
            problems.add(new FieldProblem("threshold", "must not be blank"));
        } else {
            try {
                limit = Duration.parse(threshold.strip().toUpperCase(Locale.ROOT));
                if (limit.isNegative() || limit.isZero() || limit.compareTo(Duration.ofDays(365)) > 0 || limit.getNano() != 0) {
                    problems.add(new FieldProblem("threshold", "must be whole seconds, more than zero and at most 365 days"));
                }
            } catch (DateTimeParseException e) {
                problems.add(new FieldProblem("threshold", "must be an ISO-8601 duration such as PT2H or PT15S"));
            }
        }
        if (calendarId == null) {
            problems.add(new FieldProblem("calendarId", "must not be null"));
        }
        String c = upper(channel);
        if (c != null && !CHANNELS.contains(c)) {
            problems.add(new FieldProblem("channel", "must be one of " + String.join(", ", CHANNELS.stream().sorted().toList())));
        }
        if (m == GoalMetric.CHAT_FIRST_RESPONSE && c != null && !c.equals("CHAT")) {
            problems.add(new FieldProblem("channel", "must be CHAT or empty for CHAT_FIRST_RESPONSE"));
        }
        String p = upper(priority);
        if (p != null && !PRIORITIES.contains(p)) {
            problems.add(new FieldProblem("priority", "must be P1, P2, P3 or P4"));
        }
        if (teamId != null && teamId < 1) {
            problems.add(new FieldProblem("teamId", "must be a team id"));
        }
        if (departmentId != null && departmentId < 1) {
            problems.add(new FieldProblem("departmentId", "must be a department id"));
        }
        if (complaintType != null && complaintType.strip().length() > 40) {
            problems.add(new FieldProblem("complaintType", "must be at most 40 characters"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return new ServiceGoal(id, name.strip(), m, targetPercent.setScale(2, java.math.RoundingMode.UNNECESSARY), limit,
                calendarId, c, p, teamId, departmentId, blank(complaintType), active == null || active, version);
    }

    private static String upper(String s) {
        return blank(s) == null ? null : s.strip().toUpperCase(Locale.ROOT);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
