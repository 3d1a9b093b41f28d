package org.kefu.goals.web;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.kefu.goals.GoalInput;
import org.kefu.goals.ServiceGoal;
import org.kefu.platform.InvalidRequestException;
import org.kefu.platform.InvalidRequestException.FieldProblem;

/** The goal form as the page posts it: the threshold as an amount and a unit (s, min, h). */
record GoalForm(String name, String metric, String targetPercent, String thresholdAmount, String thresholdUnit,
                Long calendarId, String channel, String priority, Long teamId, Long departmentId, String complaintType,
                String active, Long version) {

    static GoalForm blank(long calendarId) {
        return new GoalForm("", "FIRST_RESPONSE", "95", "2", "h", calendarId, null, null, null, null, null, "on", null);
    }

    static GoalForm of(ServiceGoal g) {
        long s = g.threshold().toSeconds();
        String amount = s % 3600 == 0 ? String.valueOf(s / 3600) : s % 60 == 0 ? String.valueOf(s / 60) : String.valueOf(s);
        String unit = s % 3600 == 0 ? "h" : s % 60 == 0 ? "min" : "s";
        return new GoalForm(g.name(), g.metric().name(), g.targetPercent().stripTrailingZeros().toPlainString(), amount,
                unit, g.calendarId(), g.channel(), g.priority(), g.teamId(), g.departmentId(), g.complaintType(),
                g.active() ? "on" : null, g.version());
    }

    /** The same input the REST API takes; numbers that are not numbers are named by their API field. */
    GoalInput input() {
        List<FieldProblem> problems = new ArrayList<>();
        BigDecimal percent = null;
        if (targetPercent == null || targetPercent.isBlank()) {
            problems.add(new FieldProblem("targetPercent", "must not be null"));
        } else {
            try {
                percent = new BigDecimal(targetPercent.strip());
            } catch (NumberFormatException e) {
                problems.add(new FieldProblem("targetPercent", "must be a number such as 96 or 99.5"));
            }
        }
        String threshold = null;
        if (thresholdAmount == null || thresholdAmount.isBlank()) {
            problems.add(new FieldProblem("threshold", "must not be blank"));
        } else {
            try {
                BigDecimal seconds = new BigDecimal(thresholdAmount.strip()).multiply(BigDecimal.valueOf(unitSeconds()));
                if (seconds.signum() <= 0 || seconds.compareTo(BigDecimal.valueOf(Duration.ofDays(365).toSeconds())) > 0) {
                    problems.add(new FieldProblem("threshold", "must be more than zero and at most 365 days"));
                } else {
                    threshold = Duration.ofSeconds(seconds.setScale(0, java.math.RoundingMode.HALF_UP).longValueExact()).toString();
                }
            } catch (NumberFormatException | ArithmeticException e) {
                problems.add(new FieldProblem("threshold", "must be a number"));
            }
        }
        GoalInput input = new GoalInput(name, metric, percent, threshold, calendarId, channel, priority, teamId,
                departmentId, complaintType, active != null);
        if (!problems.isEmpty()) {
            problems.addAll(input.problems()); // every other field's problem at once; the first per field is shown
            throw new InvalidRequestException(problems);
        }
        return input;
    }

    private long unitSeconds() {
        return switch (thresholdUnit == null ? "" : thresholdUnit) {
            case "s" -> 1;
            case "h" -> 3600;
            default -> 60;
        };
    }
}
