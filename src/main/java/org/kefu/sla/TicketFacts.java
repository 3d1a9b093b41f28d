package org.kefu.sla;

import java.util.Set;

/** What SLA policies look at on a ticket. */
public record TicketFacts(String tier, String priority, String channel, String complaintType, String organisation,
                          Set<String> tags) {

    public TicketFacts {
        tags = tags == null ? Set.of() : Set.copyOf(tags);
    }
}
