package org.kefu.escalation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.kefu.platform.Channel;
import org.kefu.platform.InvalidRequestException;
import org.kefu.platform.InvalidRequestException.FieldProblem;
import org.kefu.ticket.Priority;

/** A rule as an admin writes it (API or form); {@link #validate()} names every bad field. */
public record EscalationRuleInput(String name, Boolean active, String trigger, Integer threshold, String minPriority,
                                  String priority, String channel, Long departmentId, Long teamId, String tier,
                                  Boolean notifyAssignee, Boolean notifyTeam, Boolean notifySupervisors, Long notifyAgentId,
                                  Boolean notifyEmail, String raisePriority, Long reassignTeamId, Boolean reassignSupervisor,
                                  String addTag) {

    record Valid(String name, boolean active, EscalationTrigger trigger, Integer threshold, Priority minPriority,
                 EscalationRule.Conditions conditions, EscalationRule.Actions actions) {
    }

    Valid validate() {
        List<FieldProblem> problems = new ArrayList<>();
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty() || cleanName.length() > 200) {
            problems.add(new FieldProblem("name", "is required (1 to 200 characters)"));
        }
        EscalationTrigger t = parse(EscalationTrigger.class, trigger, "trigger", true, problems);
        if (t == EscalationTrigger.ANGRY_CUSTOMER && (threshold == null || threshold < 1 || threshold > 100)) {
            problems.add(new FieldProblem("threshold", "the lowest anger intensity in percent, 1 to 100, is required for ANGRY_CUSTOMER"));
        } else if (t != null && t.needsThreshold() && (threshold == null || threshold < 1 || threshold > 525_600)) {
            problems.add(new FieldProblem("threshold", t == EscalationTrigger.UNASSIGNED
                    ? "minutes unassigned, 1 to 525600, is required for UNASSIGNED"
                    : "days between contacts, 1 to 525600, is required for VIP_SECOND_CONTACT"));
        }
        Priority min = parse(Priority.class, minPriority, "minPriority", false, problems);
        Priority cond = parse(Priority.class, priority, "priority", false, problems);
        Channel ch = parse(Channel.class, channel, "channel", false, problems);
        String raise = blankToNull(raisePriority);
        if (raise != null) {
            raise = raise.toUpperCase(Locale.ROOT);
            if (!raise.equals("ONE_STEP")) {
                if (parse(Priority.class, raise, "raisePriority", false, problems) == null) {
                    raise = null;
                }
            }
        }
        String tag = blankToNull(addTag);
        if (tag != null && tag.length() > 60) {
            problems.add(new FieldProblem("addTag", "at most 60 characters"));
        }
        if (reassignTeamId != null && Boolean.TRUE.equals(reassignSupervisor)) {
            problems.add(new FieldProblem("reassignSupervisor", "choose a team or a supervisor, not both"));
        }
        boolean anyNotify = Boolean.TRUE.equals(notifyAssignee) || Boolean.TRUE.equals(notifyTeam)
                || Boolean.TRUE.equals(notifySupervisors) || notifyAgentId != null;
        if (!anyNotify && raise == null && reassignTeamId == null && !Boolean.TRUE.equals(reassignSupervisor) && tag == null) {
            problems.add(new FieldProblem("actions", "a rule needs at least one action (notify, raisePriority, reassign, addTag)"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return new Valid(cleanName, active == null || active, t, t.needsThreshold() ? threshold : null,
                t == EscalationTrigger.UNASSIGNED ? (min == null ? Priority.P1 : min) : null,
                new EscalationRule.Conditions(cond, ch, departmentId, teamId, blankToNull(tier)),
                new EscalationRule.Actions(Boolean.TRUE.equals(notifyAssignee), Boolean.TRUE.equals(notifyTeam),
                        Boolean.TRUE.equals(notifySupervisors), notifyAgentId, notifyEmail == null || notifyEmail, raise,
                        reassignTeamId, Boolean.TRUE.equals(reassignSupervisor), tag));
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field, boolean required,
                                               List<FieldProblem> problems) {
        String v = blankToNull(value);
        if (v == null) {
            if (required) {
                problems.add(new FieldProblem(field, "is required, one of " + List.of(type.getEnumConstants())));
            }
            return null;
        }
        try {
            return Enum.valueOf(type, v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(field, "'" + v + "' is not one of " + List.of(type.getEnumConstants())));
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
