package org.kefu.escalation;

/** What makes an escalation rule fire. */
public enum EscalationTrigger {
    /** An SLA clock reached its policy's warning percent (e.g. 80 %). */
    SLA_WARNING,
    /** An SLA target was missed. */
    SLA_BREACHED,
    /** A ticket of {@code minPriority} or more urgent is still unassigned {@code threshold} minutes after it was opened. */
    UNASSIGNED,
    /** A VIP customer (or the rule's tier) opens another ticket or writes again within {@code threshold} days. */
    VIP_SECOND_CONTACT,
    /**
     * A customer message reads angry with at least {@code threshold} percent intensity, or threatens to
     * escalate outside the desk (12315, 消协, media, a lawyer); fires once per ticket.
     */
    ANGRY_CUSTOMER;

    boolean needsThreshold() {
        return this == UNASSIGNED || this == VIP_SECOND_CONTACT || this == ANGRY_CUSTOMER;
    }
}
