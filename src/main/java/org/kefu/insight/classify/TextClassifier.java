package org.kefu.insight.classify;

import java.util.Collection;
import java.util.Set;

/**
 * Classifies one text with a fixed rule set and model (either may be empty). Immutable and thread-safe; never throws
 * on any text. This is the per-ticket cost on the create path: one folding pass, one trie scan, one n-gram pass and a
 * lookup per feature and label.
 */
final class TextClassifier {

    private final ClassifyText pipeline;
    private final RuleSet rules;
    private final ClassifierModel model;

    TextClassifier(ClassifyText pipeline, RuleSet rules, ClassifierModel model) {
        this.pipeline = pipeline;
        this.rules = rules;
        this.model = model;
    }

    RuleSet rules() {
        return rules;
    }

    ClassifierModel model() {
        return model;
    }

    ClassificationSuggestion classify(String text, Combination.Mode mode, Collection<String> types, Collection<String> topics) {
        try {
            char[] folded = pipeline.normalise(text);
            RuleSet.Scores scores = mode == Combination.Mode.MODEL ? RuleSet.Scores.NONE : rules.score(folded);
            Set<String> features = mode == Combination.Mode.RULES || model == null ? Set.of() : pipeline.features(folded);
            Combination.Pick type = Combination.pick(scores.types(), model == null ? null : model.types(), features, mode, types);
            Combination.Pick topic = Combination.pick(scores.topics(), model == null ? null : model.topics(), features, mode, topics);
            return new ClassificationSuggestion(type.label(), type.confidence(), topic.label(), topic.confidence(),
                    model == null || mode == Combination.Mode.RULES ? 0 : model.version(),
                    scores.hits().stream().map(h -> new ClassificationSuggestion.RuleHit(h.ruleId(), h.name(), h.keyword(),
                            h.negated(), h.weight())).toList());
        } catch (RuntimeException unexpected) {
            return ClassificationSuggestion.NONE;
        }
    }
}
