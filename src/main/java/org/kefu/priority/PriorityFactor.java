package org.kefu.priority;

/**
 * The four factors of a priority (seed 000: 紧急程度, 影响范围, 客户价值, 复杂度). Urgency decides the
 * "urgent" half of the quadrant; the other three together decide "important".
 */
public enum PriorityFactor {
    URGENCY, IMPACT, VALUE, COMPLEXITY;

    public boolean important() {
        return this != URGENCY;
    }
}
