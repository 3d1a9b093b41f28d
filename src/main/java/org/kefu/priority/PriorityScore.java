package org.kefu.priority;

import java.util.List;
import java.util.Map;
import org.kefu.ticket.Priority;

/**
 * A computed priority and why: each factor's value (0–100, the highest of its signals; 0 when its
 * weight is 0), its contribution in score points (weight share × value; the contributions add up to
 * the score before rounding), the score, the priority it maps to and the quadrant.
 */
public record PriorityScore(Map<PriorityFactor, Integer> factors, Map<PriorityFactor, Double> contributions, int score,
                            Priority priority, Quadrant quadrant, List<Signal> signals) {

    public PriorityScore {
        factors = Map.copyOf(factors);
        contributions = Map.copyOf(contributions);
        signals = List.copyOf(signals);
    }

    public int factor(PriorityFactor f) {
        return factors.getOrDefault(f, 0);
    }

    public double contribution(PriorityFactor f) {
        return contributions.getOrDefault(f, 0.0);
    }
}
