package org.kefu.insight.classify;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How rules and model make one suggestion, for the complaint type and for the topic alike:
 * <pre>
 *   p_model'(l) = (1 - MIX) * p_model(l) + MIX / |L|        (the model's posterior, kept off 0 and 1)
 *   combined(l) ∝ p_model'(l) * exp(BETA * ruleScore(l))    (ruleScore = sum of the weights of the rules for l)
 * </pre>
 * normalised over the candidate labels L (the active types or topics). The suggestion is the label with the highest
 * combined probability, and that probability is its confidence. A rule of weight 1 multiplies a label's odds by e;
 * rules-only is the same with a uniform model (and no suggestion when no rule matched), model-only ignores the rules.
 */
final class Combination {

    static final double BETA = 1.0;
    static final double MIX = 0.1;

    enum Mode { RULES, MODEL, COMBINED }

    record Pick(String label, double confidence) {
        static final Pick NONE = new Pick(null, 0);
    }

    private Combination() {
    }

    static Pick pick(Map<String, Double> ruleScores, NaiveBayes model, Set<String> features, Mode mode,
            Collection<String> candidates) {
        List<String> labels = new ArrayList<>();
        if (candidates != null) {
            labels.addAll(new LinkedHashSet<>(candidates));
        } else {
            Set<String> all = new LinkedHashSet<>(ruleScores.keySet());
            if (model != null) {
                all.addAll(model.labels());
            }
            labels.addAll(all);
        }
        if (labels.isEmpty()) {
            return Pick.NONE;
        }
        boolean useRules = mode != Mode.MODEL;
        boolean useModel = mode != Mode.RULES && model != null && model.documents() > 0;
        if (!useModel && labels.stream().noneMatch(l -> ruleScores.getOrDefault(l, 0.0) > 0)) {
            return Pick.NONE;
        }
        double[] p = new double[labels.size()];
        if (useModel) {
            double[] posterior = model.posteriors(features);
            List<String> known = model.labels();
            for (int i = 0; i < labels.size(); i++) {
                int at = known.indexOf(labels.get(i));
                p[i] = (1 - MIX) * (at >= 0 ? posterior[at] : 0) + MIX / labels.size();
            }
        } else {
            java.util.Arrays.fill(p, 1.0);
        }
        double max = 0;
        if (useRules) {
            for (int i = 0; i < labels.size(); i++) {
                max = Math.max(max, ruleScores.getOrDefault(labels.get(i), 0.0));
            }
            for (int i = 0; i < labels.size(); i++) {
                p[i] *= Math.exp(BETA * (ruleScores.getOrDefault(labels.get(i), 0.0) - max));
            }
        }
        double sum = 0;
        int best = 0;
        for (int i = 0; i < p.length; i++) {
            sum += p[i];
            if (p[i] > p[best]) {
                best = i;
            }
        }
        return sum > 0 ? new Pick(labels.get(best), p[best] / sum) : Pick.NONE;
    }
}
