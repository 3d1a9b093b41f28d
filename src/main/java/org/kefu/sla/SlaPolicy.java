package org.kefu.sla;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Which tickets a policy covers (every non-null condition must match; text compares ignoring case)
 * and the business time it allows, on its calendar, for each measured target.
 */
public record SlaPolicy(Long id, String name, int position, boolean active, long calendarId,
                        Conditions conditions, Duration firstResponse, Duration nextResponse, Duration resolution,
                        boolean pauseOnInternal, int warnPercent, long version) {

    public record Conditions(String tier, String priority, String channel, String complaintType, String organisation,
                             String tag) {

        boolean matches(TicketFacts t) {
            return same(tier, t.tier()) && same(priority, t.priority()) && same(channel, t.channel())
                    && same(complaintType, t.complaintType()) && same(organisation, t.organisation())
                    && (tag == null || t.tags().stream().anyMatch(tag::equalsIgnoreCase));
        }

        private static boolean same(String wanted, String actual) {
            return wanted == null || wanted.equalsIgnoreCase(actual);
        }
    }

    public boolean matches(TicketFacts facts) {
        return active && conditions.matches(facts);
    }

    public Optional<Duration> target(SlaMetric metric) {
        return Optional.ofNullable(switch (metric) {
            case FIRST_RESPONSE -> firstResponse;
            case NEXT_RESPONSE -> nextResponse;
            case RESOLUTION -> resolution;
        });
    }

    /** The first matching policy of a list ordered by position: first match wins. */
    public static Optional<SlaPolicy> firstMatch(List<SlaPolicy> ordered, TicketFacts facts) {
        return ordered.stream().filter(p -> p.matches(facts)).findFirst();
    }
}
