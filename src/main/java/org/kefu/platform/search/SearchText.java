package org.kefu.platform.search;

/** Prepares what a user typed for a full-text query. */
public final class SearchText {

    public static final int MAX_LENGTH = 200;

    private SearchText() {
    }

    /** Trims, caps the length and drops control characters; the analyser does the rest. */
    public static String clean(String q) {
        String trimmed = q.strip();
        if (trimmed.length() > MAX_LENGTH) {
            trimmed = trimmed.substring(0, MAX_LENGTH);
        }
        StringBuilder sb = new StringBuilder(trimmed.length());
        trimmed.codePoints().filter(cp -> !Character.isISOControl(cp)).forEach(sb::appendCodePoint);
        return sb.toString();
    }
}
