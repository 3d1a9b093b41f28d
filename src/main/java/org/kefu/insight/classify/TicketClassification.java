package org.kefu.insight.classify;

import java.time.Instant;
import java.util.List;

/**
 * A ticket's classification: the suggestion (type, topic, confidences, what produced it), the ticket's current
 * complaint type with whether the suggestion agrees with it (null when the ticket has none), and the agent's
 * confirmation or correction once given.
 */
public record TicketClassification(long ticketId, String suggestedType, double typeConfidence, String suggestedTopic,
        double topicConfidence, long modelVersion, List<ClassificationSuggestion.RuleHit> rules, Instant suggestedAt,
        String currentType, Boolean agrees, String confirmedType, String confirmedTopic, Long confirmedBy,
        Instant confirmedAt, boolean corrected) {

    public TicketClassification {
        rules = List.copyOf(rules);
    }

    public boolean confirmed() {
        return confirmedAt != null;
    }
}
