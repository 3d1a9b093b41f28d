package org.kefu.insight;

import java.util.Objects;

/**
 * One piece of evidence behind an {@link EmotionReading}: its kind (see the constants), the text that produced it and
 * the weight it added (negative when it took weight away, e.g. a negation that cancelled a word).
 */
public record EmotionCue(String kind, String text, double weight) {

    public static final String WORD = "WORD";
    public static final String EMOJI = "EMOJI";
    public static final String NEGATION = "NEGATION";
    public static final String INTENSIFIER = "INTENSIFIER";
    public static final String REPEATED_PUNCTUATION = "REPEATED_PUNCTUATION";
    public static final String ALL_CAPS = "ALL_CAPS";
    public static final String ESCALATION_THREAT = "ESCALATION_THREAT";

    public EmotionCue {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
    }
}
