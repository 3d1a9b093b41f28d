package org.kefu.bot;

import java.util.List;
import java.util.Optional;

/**
 * When the bot gives a conversation to a person. Checked in this order before answering: a VIP on a channel
 * where VIPs skip the bot, an explicit request for a person, anger, the same question again; then, with the
 * retrieved passages, a best confidence below the threshold; and after feedback, two "not helped" in a row.
 */
final class HandOffRules {

    /** Not-helped answers in a row after which the bot gives up. */
    static final int NOT_HELPED_LIMIT = 2;

    private final PersonRequests personRequests;
    private final double threshold;

    HandOffRules(PersonRequests personRequests, double threshold) {
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be within [0, 1]: " + threshold);
        }
        this.personRequests = personRequests;
        this.threshold = threshold;
    }

    /**
     * What the bot knows when a question comes in.
     *
     * @param earlierQuestions the session's earlier questions, normalised ({@link Questions#normalise})
     */
    record Incoming(String question, boolean vip, boolean vipSkipsBot, boolean angry, List<String> earlierQuestions) {

        Incoming {
            earlierQuestions = earlierQuestions == null ? List.of() : List.copyOf(earlierQuestions);
        }
    }

    Optional<HandOffReason> beforeAnswer(Incoming in) {
        if (in.vip() && in.vipSkipsBot()) {
            return Optional.of(HandOffReason.VIP);
        }
        if (personRequests.asksForPerson(in.question())) {
            return Optional.of(HandOffReason.PERSON_REQUESTED);
        }
        if (in.angry()) {
            return Optional.of(HandOffReason.ANGRY);
        }
        String key = Questions.normalise(in.question());
        if (in.earlierQuestions().stream().anyMatch(earlier -> Questions.similar(earlier, key))) {
            return Optional.of(HandOffReason.REPEATED_QUESTION);
        }
        return Optional.empty();
    }

    /** With the best passage's confidence, or empty when nothing matched at all. */
    Optional<HandOffReason> afterRetrieval(Optional<Double> bestConfidence) {
        return bestConfidence.isEmpty() || bestConfidence.get() < threshold
                ? Optional.of(HandOffReason.LOW_CONFIDENCE) : Optional.empty();
    }

    /** After a verdict, with the not-helped answers in a row so far (this one included). */
    static Optional<HandOffReason> afterFeedback(int notHelpedInARow) {
        return notHelpedInARow >= NOT_HELPED_LIMIT ? Optional.of(HandOffReason.NOT_HELPED_TWICE) : Optional.empty();
    }

    double threshold() {
        return threshold;
    }
}
