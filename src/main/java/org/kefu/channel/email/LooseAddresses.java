package org.kefu.channel.email;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds things that look like addresses ({@code local@domain}) in damaged header text, in one
 * linear pass (a regular expression for this backtracks quadratically on long runs without "@").
 */
final class LooseAddresses {

    private LooseAddresses() {
    }

    static List<String> find(String text, int max) {
        List<String> found = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n && found.size() < max) {
            if (isSeparator(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && !isSeparator(text.charAt(i))) {
                i++;
            }
            int at = text.indexOf('@', start);
            if (at > start && at < i - 1) {
                found.add(text.substring(start, i));
            }
        }
        return found;
    }

    static boolean isSeparator(char c) {
        return Character.isWhitespace(c) || "<>,;:\"()[]".indexOf(c) >= 0;
    }
}
