package org.kefu.bot;

import java.time.Instant;

/**
 * One thing the bot said: an answer from an article (feedback asked), a hand-off message, or anything else it said (a greeting,
 * thanks for a verdict).
 * {@code messageId} orders it among the chat's messages (the ticket timeline entry of the turn), else its own id.
 */
public record BotTurn(long id, long sessionId, Long entryId, String question, String answer, Long articleId,
        String articleTitle, String articlePath, Double confidence, boolean phrased, Outcome outcome, Boolean helped,
        Instant createdAt) {

    public enum Outcome {
        ANSWERED, HANDED_OFF, SAID
    }

    public long messageId() {
        return entryId != null ? entryId : id;
    }

    public boolean asksFeedback() {
        return outcome == Outcome.ANSWERED && helped == null;
    }
}
