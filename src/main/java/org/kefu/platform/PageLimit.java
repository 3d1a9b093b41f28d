package org.kefu.platform;

/** Bounds for list sizes asked by clients. */
public final class PageLimit {

    public static final int DEFAULT = 25;
    public static final int MAX = 100;

    private PageLimit() {
    }

    public static int of(Integer requested) {
        if (requested == null) {
            return DEFAULT;
        }
        if (requested < 1 || requested > MAX) {
            throw InvalidRequestException.of("limit", "must be between 1 and " + MAX);
        }
        return requested;
    }
}
