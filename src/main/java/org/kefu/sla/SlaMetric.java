package org.kefu.sla;

/** What an SLA target measures. */
public enum SlaMetric {
    /** From the ticket's opening to the first agent reply. */
    FIRST_RESPONSE,
    /** From a customer message (after the first reply) to the next agent reply. */
    NEXT_RESPONSE,
    /** From the ticket's opening to RESOLVED. */
    RESOLUTION
}
