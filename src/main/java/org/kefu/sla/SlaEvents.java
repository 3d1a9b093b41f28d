package org.kefu.sla;

import java.time.Duration;
import java.time.Instant;

/** What happened to SLA clocks, for escalation, notifications and reports to react to. */
public final class SlaEvents {

    private SlaEvents() {
    }

    /** A clock reached its warning point (by default 80 % of its target) while still running. */
    public record SlaWarning(long ticketId, SlaMetric metric, Long policyId, Instant dueAt, Duration remainingBusinessTime) {
    }

    /** A target was missed: the clock passed its due time unmet; {@code overdueBy} is business time past due when noticed. */
    public record SlaBreached(long ticketId, SlaMetric metric, Long policyId, Instant dueAt, Instant detectedAt,
                              Duration overdueBy) {
    }
}
