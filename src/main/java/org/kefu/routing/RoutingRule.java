package org.kefu.routing;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Sends new tickets whose facts match every non-null condition (text compared ignoring case; a
 * language condition "zh" also matches "zh-CN") to a department and/or team. Rules are tried by
 * position; the first active match wins.
 */
public record RoutingRule(Long id, String name, int position, boolean active, Conditions conditions,
                          Long departmentId, Long teamId, long version) {

    public record Conditions(String channel, String source, String complaintType, String product, String language,
                             String tier) {

        boolean matches(RoutingFacts t) {
            return same(channel, t.channel()) && same(source, t.source()) && same(complaintType, t.complaintType())
                    && same(product, t.product()) && (language == null || Languages.match(language, t.language()))
                    && same(tier, t.tier());
        }

        private static boolean same(String wanted, String actual) {
            return wanted == null || wanted.equalsIgnoreCase(actual);
        }
    }

    boolean matches(RoutingFacts facts) {
        return active && conditions.matches(facts);
    }

    static Optional<RoutingRule> firstMatch(List<RoutingRule> ordered, RoutingFacts facts) {
        return ordered.stream().filter(r -> r.matches(facts)).findFirst();
    }

    /** Language tags compare ignoring case, and a bare language covers its regions: "zh" ~ "zh-CN", "en" ~ "en-GB". */
    static final class Languages {

        private Languages() {
        }

        static boolean match(String a, String b) {
            return a != null && b != null && (covers(a.strip(), b.strip()) || covers(b.strip(), a.strip()));
        }

        /** Whether {@code general} equals {@code specific} or is its prefix up to a '-' or '_'; allocation-free. */
        private static boolean covers(String general, String specific) {
            int n = general.length();
            if (n == 0 || specific.length() < n || !specific.regionMatches(true, 0, general, 0, n)) {
                return false;
            }
            if (specific.length() == n) {
                return true;
            }
            char next = specific.charAt(n);
            return next == '-' || next == '_';
        }
    }
}
