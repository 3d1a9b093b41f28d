package org.kefu.insight;

import java.util.List;
import java.util.Objects;

/** The emotion read from one message: a label, an intensity in [0, 1] and the cues that produced it. */
public record EmotionReading(Emotion label, double intensity, List<EmotionCue> cues) {

    static final EmotionReading NONE = new EmotionReading(Emotion.NEUTRAL, 0, List.of());

    public EmotionReading {
        Objects.requireNonNull(label, "label");
        if (!(intensity >= 0 && intensity <= 1)) {
            throw new IllegalArgumentException("intensity must be in [0, 1]: " + intensity);
        }
        cues = List.copyOf(cues);
    }

    public boolean isNegative() {
        return label.isNegative();
    }

    /** Whether the customer threatens to escalate outside the desk (消协, 12315, media, a lawyer, a chargeback ...). */
    public boolean threatensEscalation() {
        return cues.stream().anyMatch(cue -> cue.kind().equals(EmotionCue.ESCALATION_THREAT));
    }
}
