package org.kefu.insight;

/** What the insight module tells other modules (the priority score and escalation rules may listen). */
public final class InsightEvents {

    /** A customer message was read; published in the transaction that recorded the message. */
    public record EmotionRead(long ticketId, long entryId, Emotion label, double intensity, boolean threatensEscalation) {
    }

    private InsightEvents() {
    }
}
