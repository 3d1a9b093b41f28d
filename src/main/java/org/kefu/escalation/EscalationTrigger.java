package org.kefu.escalation;

/**
 * What makes an escalation rule fire. An "angry customer" trigger is planned for when an emotion
 * signal exists (docs/service-rules.md); it is deliberately not offered before.
 */
public enum EscalationTrigger {
    /** An SLA clock reached its policy's warning percent (e.g. 80 %). */
    SLA_WARNING,
    /** An SLA target was missed. */
    SLA_BREACHED,
    /** A ticket of {@code minPriority} or more urgent is still unassigned {@code threshold} minutes after it was opened. */
    UNASSIGNED,
    /** A VIP customer (or the rule's tier) opens another ticket or writes again within {@code threshold} days. */
    VIP_SECOND_CONTACT;

    boolean needsThreshold() {
        return this == UNASSIGNED || this == VIP_SECOND_CONTACT;
    }
}
