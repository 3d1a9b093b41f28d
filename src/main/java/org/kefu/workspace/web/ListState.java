package org.kefu.workspace.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.kefu.platform.Channel;
import org.kefu.ticket.Priority;
import org.kefu.ticket.TicketStatus;
import org.kefu.workspace.ViewFilters;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the workspace list shows, as it travels in URLs: a built-in view, a saved view, or ad-hoc
 * toolbar filters; plus the sort. Builds the links for sorting, loading more and refreshing.
 */
record ListState(String view, Long saved, String sort, List<TicketStatus> status, List<Priority> priority,
        Channel channel, String tag, Long tier, String complaintType, Long team, Long assignee, LocalDate createdFrom,
        LocalDate createdTo, String text) {

    ListState {
        status = status == null ? List.of() : List.copyOf(status);
        priority = priority == null ? List.of() : List.copyOf(priority);
        tag = blank(tag);
        complaintType = blank(complaintType);
        text = blank(text);
        sort = blank(sort);
        view = blank(view);
    }

    boolean hasFilters() {
        return !status.isEmpty() || !priority.isEmpty() || channel != null || tag != null || tier != null
                || complaintType != null || team != null || assignee != null || createdFrom != null || createdTo != null
                || text != null;
    }

    ViewFilters filters(ZoneId zone) {
        Instant from = createdFrom == null ? null : createdFrom.atStartOfDay(zone).toInstant();
        Instant to = createdTo == null ? null : createdTo.plusDays(1).atStartOfDay(zone).toInstant();
        return new ViewFilters(status, priority, channel, tag, tier, complaintType, team, assignee, from, to, text);
    }

    static ListState ofFilters(ViewFilters f, Long saved, String sort, ZoneId zone) {
        return new ListState(null, saved, sort, f.statuses(), f.priorities(), f.channel(), f.tag(), f.tierId(),
                f.complaintType(), f.teamId(), f.assigneeId(),
                f.createdFrom() == null ? null : LocalDate.ofInstant(f.createdFrom(), zone),
                f.createdTo() == null ? null : LocalDate.ofInstant(f.createdTo(), zone).minusDays(1), f.text());
    }

    ListState withSort(String newSort) {
        return new ListState(view, saved, newSort, status, priority, channel, tag, tier, complaintType, team, assignee,
                createdFrom, createdTo, text);
    }

    /** The list's URL at {@code path}: the saved view id alone when it is one, else view and filters. */
    String url(String path) {
        return url(path, null);
    }

    String url(String path, String cursor) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(path);
        if (saved != null) {
            b.queryParam("saved", saved);
        } else {
            if (view != null) {
                b.queryParam("view", view);
            }
            status.forEach(s -> b.queryParam("status", s));
            priority.forEach(p -> b.queryParam("priority", p));
            add(b, "channel", channel);
            add(b, "tag", tag);
            add(b, "tier", tier);
            add(b, "complaintType", complaintType);
            add(b, "team", team);
            add(b, "assignee", assignee);
            add(b, "createdFrom", createdFrom);
            add(b, "createdTo", createdTo);
            add(b, "text", text);
        }
        add(b, "sort", sort);
        add(b, "cursor", cursor);
        return b.encode().build().toUriString();
    }

    private static void add(UriComponentsBuilder b, String name, Object value) {
        if (value != null) {
            b.queryParam(name, value);
        }
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
