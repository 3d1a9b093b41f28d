package org.kefu.workspace;

import org.kefu.ticket.TicketListFilter;
import org.kefu.ticket.TicketQuery;

/**
 * What a view lists: the filters, its natural order, and whether it can hold nothing at all
 * (My team for an agent without a team).
 */
public record WorkList(TicketQuery query, TicketListFilter filter, TicketQuery.Sort defaultSort, boolean nothing) {

    public boolean isSearch() {
        return query.q() != null && !query.q().isBlank();
    }
}
