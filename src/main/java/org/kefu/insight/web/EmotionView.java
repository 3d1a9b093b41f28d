package org.kefu.insight.web;

import java.time.Instant;
import java.util.List;
import org.kefu.insight.Emotion;
import org.kefu.insight.EmotionCue;
import org.kefu.insight.MessageEmotion;

/** One message's emotion as the API and the ticket page show it. */
record EmotionView(long entryId, Emotion label, double intensity, boolean negative, boolean threatensEscalation,
        List<EmotionCue> cues, Instant readAt) {

    /** Intensity from which an angry customer gets the de-escalation steps on the ticket page. */
    static final double HIGH_ANGER = 0.5;

    static List<EmotionView> of(List<MessageEmotion> readings) {
        return readings.stream().map(m -> new EmotionView(m.entryId(), m.reading().label(), m.reading().intensity(),
                m.reading().isNegative(), m.reading().threatensEscalation(), m.reading().cues(), m.readAt())).toList();
    }

    /** Intensity as a whole percentage, for the page. */
    public int percent() {
        return (int) Math.round(intensity * 100);
    }

    public boolean highAnger() {
        return label == Emotion.ANGRY && (intensity >= HIGH_ANGER || threatensEscalation);
    }
}
