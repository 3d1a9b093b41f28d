package org.kefu.escalation;

import java.time.Instant;

/** One time a rule fired on a ticket (a row of escalation_log). */
public record EscalationFiring(long id, long ruleId, String ruleName, long ticketId, EscalationTrigger trigger,
                               String occurrence, Instant firedAt) {
}
