package org.kefu.insight.classify;

import java.util.List;

/**
 * A suggested complaint type and topic with their confidences (0-1), and what produced them: the rules that matched
 * and the model version (0 when no model was used).
 */
public record ClassificationSuggestion(String complaintType, double typeConfidence, String topic, double topicConfidence,
        long modelVersion, List<RuleHit> rules) {

    public static final ClassificationSuggestion NONE = new ClassificationSuggestion(null, 0, null, 0, 0, List.of());

    public ClassificationSuggestion {
        rules = List.copyOf(rules);
    }

    /** A rule that matched: which keyword, and whether a negation before it reduced its weight. */
    public record RuleHit(long ruleId, String name, String keyword, boolean negated, double weight) {
    }
}
