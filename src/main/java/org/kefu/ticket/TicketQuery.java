package org.kefu.ticket;

import java.time.Instant;
import java.util.List;
import org.kefu.platform.Channel;

/**
 * Filters for ticket lists, all optional. {@code assigneeId} 0 means unassigned.
 * {@code q} switches to full-text search ranked by relevance.
 */
public record TicketQuery(List<TicketStatus> statuses, List<Priority> priorities, Long assigneeId, Long teamId,
        Long departmentId, String tag, Long customerId, Channel channel, Instant createdFrom, Instant createdTo,
        Instant updatedFrom, Instant updatedTo, String q) {

    public TicketQuery {
        statuses = statuses == null ? List.of() : List.copyOf(statuses);
        priorities = priorities == null ? List.of() : List.copyOf(priorities);
    }

    public static TicketQuery all() {
        return new TicketQuery(null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** The list order: a column and a direction. */
    public enum Sort {
        UPDATED_DESC("updatedAt", false), UPDATED_ASC("updatedAt", true),
        CREATED_DESC("createdAt", false), CREATED_ASC("createdAt", true),
        /** Earliest demand deadline (诉求时效) first; lists sorted this way hold only tickets that have one. */
        DUE_ASC("demandDeadline", true),
        /**
         * 最早到期: the earliest due time of the ticket's running SLA clocks first; tickets without a running
         * clock (no policy, targets met, or paused waiting on the customer) follow, oldest id first.
         */
        SLA_DUE_ASC("slaNextDueAt", true);

        final String column;
        final boolean ascending;

        Sort(String column, boolean ascending) {
            this.column = column;
            this.ascending = ascending;
        }

        public String key() {
            return (ascending ? "" : "-") + column;
        }

        /** Whether tickets without a value are listed too (after all that have one). */
        boolean nullsLast() {
            return this == SLA_DUE_ASC;
        }

        /** The value of this sort's column on a ticket, for the keyset cursor. */
        Instant valueOf(Ticket ticket) {
            return switch (this) {
                case CREATED_ASC, CREATED_DESC -> ticket.getCreatedAt();
                case UPDATED_ASC, UPDATED_DESC -> ticket.getUpdatedAt();
                case DUE_ASC -> ticket.getDemandDeadline();
                case SLA_DUE_ASC -> ticket.getSlaNextDueAt();
            };
        }

        public static Sort parse(String value) {
            if (value == null || value.isBlank()) {
                return UPDATED_DESC;
            }
            for (Sort sort : values()) {
                if (sort.key().equals(value.strip())) {
                    return sort;
                }
            }
            throw org.kefu.platform.InvalidRequestException.of("sort", "must be one of -updatedAt, updatedAt, -createdAt, createdAt, demandDeadline, slaNextDueAt");
        }
    }
}
