package org.kefu.escalation;

import java.time.Instant;
import org.kefu.platform.Channel;
import org.kefu.ticket.Priority;

/**
 * When (trigger, threshold, conditions) and what (actions) an escalation does. Conditions left null
 * match any ticket.
 */
public record EscalationRule(long id, String name, boolean active, EscalationTrigger trigger, Integer threshold,
                             Priority minPriority, Conditions conditions, Actions actions, Instant sweptUntil,
                             Instant createdAt, Instant updatedAt, long version) {

    /** Optional filters on the ticket. */
    public record Conditions(Priority priority, Channel channel, Long departmentId, Long teamId, String tier) {
    }

    /**
     * @param raisePriority   null, {@code ONE_STEP}, or a level P1..P4 (never lowers a priority)
     * @param reassignTeamId  move the ticket to this team (its department), unassigned
     * @param reassignSupervisor assign the ticket to a supervisor of its department
     */
    public record Actions(boolean notifyAssignee, boolean notifyTeam, boolean notifySupervisors, Long notifyAgentId,
                          boolean notifyEmail, String raisePriority, Long reassignTeamId, boolean reassignSupervisor,
                          String addTag) {

        /** The priority a ticket gets, or the current one when nothing is raised. */
        Priority raised(Priority current) {
            if (raisePriority == null) {
                return current;
            }
            Priority target = "ONE_STEP".equals(raisePriority)
                    ? Priority.values()[Math.max(0, current.ordinal() - 1)]
                    : Priority.valueOf(raisePriority);
            return target.ordinal() < current.ordinal() ? target : current;
        }
    }
}
