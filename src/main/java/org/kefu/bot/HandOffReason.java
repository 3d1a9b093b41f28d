package org.kefu.bot;

/** Why the bot gave a conversation to a person. */
public enum HandOffReason {
    /** A VIP customer on a channel where VIPs skip the bot (客户分层: VIP 优先人工). */
    VIP,
    /** The customer asked for a person (转人工, agent, ...). */
    PERSON_REQUESTED,
    /** The customer is angry (情绪识别). */
    ANGRY,
    /** No passage was good enough to answer with. */
    LOW_CONFIDENCE,
    /** The customer asked the same (or a similar) question again. */
    REPEATED_QUESTION,
    /** Two answers in a row did not help. */
    NOT_HELPED_TWICE
}
