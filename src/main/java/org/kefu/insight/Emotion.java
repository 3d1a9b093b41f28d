package org.kefu.insight;

/** How a customer's message reads: 愤怒 angry, 焦虑 anxious, 失望 disappointed, 平静 neutral, 满意 satisfied. */
public enum Emotion {
    ANGRY, ANXIOUS, DISAPPOINTED, NEUTRAL, SATISFIED;

    /** Angry, anxious and disappointed are the negative readings an agent should act on. */
    public boolean isNegative() {
        return this == ANGRY || this == ANXIOUS || this == DISAPPOINTED;
    }
}
