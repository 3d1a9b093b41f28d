package org.kefu.workspace;

/** A view's count, exact up to a cap; above it the workspace shows "999+". */
public record ViewCount(long value, boolean capped) {

    public static final int CAP = 1_000;

    static ViewCount of(long counted) {
        return counted >= CAP ? new ViewCount(CAP - 1, true) : new ViewCount(counted, false);
    }

    public String label() {
        return capped ? (CAP - 1) + "+" : Long.toString(value);
    }
}
