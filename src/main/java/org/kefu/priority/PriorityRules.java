package org.kefu.priority;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.kefu.platform.InvalidRequestException;
import org.kefu.platform.InvalidRequestException.FieldProblem;
import org.kefu.ticket.Priority;

/**
 * The admin's weights (0–100 each; 0 removes a factor) and the lowest score of P1, P2 and P3
 * (below {@code p3Min} is P4).
 */
public record PriorityRules(int urgencyWeight, int impactWeight, int valueWeight, int complexityWeight,
                            int p1Min, int p2Min, int p3Min) {

    public static final PriorityRules DEFAULTS = new PriorityRules(45, 15, 30, 10, 70, 45, 15);

    public PriorityRules {
        List<FieldProblem> problems = new ArrayList<>();
        weight(problems, "urgencyWeight", urgencyWeight);
        weight(problems, "impactWeight", impactWeight);
        weight(problems, "valueWeight", valueWeight);
        weight(problems, "complexityWeight", complexityWeight);
        if (p1Min < 1 || p1Min > 100) {
            problems.add(new FieldProblem("p1Min", "must be between 1 and 100"));
        }
        if (p2Min < 1 || p2Min > p1Min) {
            problems.add(new FieldProblem("p2Min", "must be between 1 and p1Min (" + p1Min + ")"));
        }
        if (p3Min < 1 || p3Min > p2Min) {
            problems.add(new FieldProblem("p3Min", "must be between 1 and p2Min (" + p2Min + ")"));
        }
        if (problems.isEmpty() && urgencyWeight + impactWeight + valueWeight + complexityWeight == 0) {
            problems.add(new FieldProblem("urgencyWeight", "at least one weight must be above 0"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
    }

    private static void weight(List<FieldProblem> problems, String field, int value) {
        if (value < 0 || value > 100) {
            problems.add(new FieldProblem(field, "must be between 0 and 100"));
        }
    }

    public int weight(PriorityFactor factor) {
        return switch (factor) {
            case URGENCY -> urgencyWeight;
            case IMPACT -> impactWeight;
            case VALUE -> valueWeight;
            case COMPLEXITY -> complexityWeight;
        };
    }

    public Map<PriorityFactor, Integer> weights() {
        Map<PriorityFactor, Integer> all = new EnumMap<>(PriorityFactor.class);
        for (PriorityFactor f : PriorityFactor.values()) {
            all.put(f, weight(f));
        }
        return all;
    }

    int totalWeight() {
        return urgencyWeight + impactWeight + valueWeight + complexityWeight;
    }

    /** The priority a score maps to. */
    public Priority priorityOf(int score) {
        if (score >= p1Min) {
            return Priority.P1;
        }
        if (score >= p2Min) {
            return Priority.P2;
        }
        return score >= p3Min ? Priority.P3 : Priority.P4;
    }
}
