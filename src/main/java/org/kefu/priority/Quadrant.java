package org.kefu.priority;

/** The urgent/important matrix (紧急重要矩阵). */
public enum Quadrant {
    URGENT_IMPORTANT, URGENT_NOT_IMPORTANT, IMPORTANT_NOT_URGENT, NEITHER;

    /** Above or at this factor value a ticket counts as urgent (urgency) or important (value, impact, complexity). */
    public static final int HALF = 50;

    public static Quadrant of(boolean urgent, boolean important) {
        if (urgent) {
            return important ? URGENT_IMPORTANT : URGENT_NOT_IMPORTANT;
        }
        return important ? IMPORTANT_NOT_URGENT : NEITHER;
    }
}
