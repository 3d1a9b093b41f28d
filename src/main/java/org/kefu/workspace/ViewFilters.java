package org.kefu.workspace;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.kefu.platform.Channel;
import org.kefu.platform.InvalidRequestException;
import org.kefu.platform.InvalidRequestException.FieldProblem;
import org.kefu.ticket.Priority;
import org.kefu.ticket.TicketListFilter;
import org.kefu.ticket.TicketQuery;
import org.kefu.ticket.TicketStatus;

/**
 * The filters of a saved view (and of the workspace toolbar), all optional. {@code assigneeId} 0
 * means unassigned; {@code text} switches the list to full-text search, which cannot be combined
 * with the tier filter (the search index does not hold it).
 */
public record ViewFilters(List<TicketStatus> statuses, List<Priority> priorities, Channel channel, String tag,
        Long tierId, String complaintType, Long teamId, Long assigneeId, Instant createdFrom, Instant createdTo,
        String text) {

    public static final int MAX_TEXT = 200;
    public static final ViewFilters NONE = new ViewFilters(null, null, null, null, null, null, null, null, null, null, null);

    public ViewFilters {
        statuses = statuses == null ? List.of() : List.copyOf(statuses);
        priorities = priorities == null ? List.of() : List.copyOf(priorities);
        tag = blankToNull(tag);
        complaintType = blankToNull(complaintType);
        text = blankToNull(text);
    }

    /** Checks the combination; names every offending field. */
    public ViewFilters validated() {
        List<FieldProblem> problems = new ArrayList<>();
        if (createdFrom != null && createdTo != null && !createdFrom.isBefore(createdTo)) {
            problems.add(new FieldProblem("createdTo", "must be after createdFrom"));
        }
        if (text != null && text.length() > MAX_TEXT) {
            problems.add(new FieldProblem("text", "must be at most " + MAX_TEXT + " characters"));
        }
        if (text != null && tierId != null) {
            problems.add(new FieldProblem("tierId", "cannot be combined with text (full-text search has no tier)"));
        }
        if (tag != null && tag.length() > 60) {
            problems.add(new FieldProblem("tag", "must be at most 60 characters"));
        }
        if (complaintType != null && complaintType.length() > 40) {
            problems.add(new FieldProblem("complaintType", "must be at most 40 characters"));
        }
        if (teamId != null && teamId < 1) {
            problems.add(new FieldProblem("teamId", "must be a team id"));
        }
        if (assigneeId != null && assigneeId < 0) {
            problems.add(new FieldProblem("assigneeId", "must be an agent id, or 0 for unassigned"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return this;
    }

    TicketQuery toQuery() {
        return new TicketQuery(statuses, priorities, assigneeId, teamId, null, tag, null, channel, createdFrom, createdTo,
                null, null, text);
    }

    TicketListFilter toFilter() {
        return new TicketListFilter(null, tierId, complaintType, null, null);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
