package org.kefu.priority;

import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

/**
 * Turns signals into a score: each factor is its highest signal (0 without one, and 0 when the admin
 * weighted it 0), the score is the weighted mean of the factors rounded to a whole number, and the
 * quadrant puts a ticket in "urgent" when urgency is at least 50 and in "important" when the highest of
 * impact, value and complexity is at least 50. Pure: no clock, no database.
 */
public final class PriorityScoring {

    private PriorityScoring() {
    }

    public static PriorityScore score(Collection<Signal> signals, PriorityRules rules) {
        Map<PriorityFactor, Integer> factors = new EnumMap<>(PriorityFactor.class);
        for (PriorityFactor f : PriorityFactor.values()) {
            factors.put(f, 0);
        }
        for (Signal s : signals) {
            if (rules.weight(s.factor()) > 0) {
                factors.merge(s.factor(), s.value(), Math::max);
            }
        }
        Map<PriorityFactor, Double> contributions = new EnumMap<>(PriorityFactor.class);
        double total = rules.totalWeight();
        double sum = 0;
        for (PriorityFactor f : PriorityFactor.values()) {
            double points = total == 0 ? 0 : rules.weight(f) * factors.get(f) / total;
            contributions.put(f, points);
            sum += points;
        }
        int score = (int) Math.min(100, Math.max(0, Math.round(sum)));
        boolean urgent = factors.get(PriorityFactor.URGENCY) >= Quadrant.HALF;
        int importance = Math.max(factors.get(PriorityFactor.IMPACT),
                Math.max(factors.get(PriorityFactor.VALUE), factors.get(PriorityFactor.COMPLEXITY)));
        boolean important = importance >= Quadrant.HALF;
        return new PriorityScore(factors, contributions, score, rules.priorityOf(score), Quadrant.of(urgent, important),
                signals.stream().toList());
    }
}
