package org.kefu.ticket;

import java.time.Instant;
import java.util.Set;

/**
 * Filters for work lists beyond {@link TicketQuery}, all optional: any of several teams, the
 * customer's tier, the complaint type (its code) and a window on the customer's demand deadline.
 */
public record TicketListFilter(Set<Long> teamIds, Long tierId, String complaintType, Instant dueFrom, Instant dueTo) {

    public static final TicketListFilter NONE = new TicketListFilter(null, null, null, null, null);

    public TicketListFilter {
        teamIds = teamIds == null ? Set.of() : Set.copyOf(teamIds);
        complaintType = complaintType == null || complaintType.isBlank() ? null : complaintType.strip();
    }

    /** Whether full-text search can apply this filter (the search index has teams and complaint types only). */
    public boolean searchable() {
        return tierId == null && dueFrom == null && dueTo == null;
    }
}
