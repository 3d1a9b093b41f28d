package org.kefu.workspace;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kefu.agent.AgentDirectory;
import org.kefu.agent.AgentName;
import org.kefu.platform.Actor;
import org.kefu.platform.Slice;
import org.kefu.ticket.Ticket;
import org.kefu.ticket.TicketFinder;
import org.kefu.ticket.TicketListFilter;
import org.kefu.ticket.TicketQuery;
import org.kefu.ticket.TicketSearch;
import org.kefu.ticket.TicketStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns the workspace views into ticket lists and capped counts. Every list goes through
 * {@link TicketFinder} (or {@link TicketSearch} for text), so only tickets the actor may see
 * appear; each page costs one query for tickets with customers and tiers, and one for agent names.
 */
@Service
@Transactional(readOnly = true)
public class WorkViews {

    static final Duration DUE_WINDOW = Duration.ofHours(24);
    static final Duration RECENT_WINDOW = Duration.ofHours(24);
    static final List<TicketStatus> ACTIVE = Arrays.stream(TicketStatus.values()).filter(TicketStatus::isActive).toList();

    private final TicketFinder finder;
    private final TicketSearch search;
    private final AgentDirectory agents;
    private final Clock clock;

    WorkViews(TicketFinder finder, TicketSearch search, AgentDirectory agents, Clock clock) {
        this.finder = finder;
        this.search = search;
        this.agents = agents;
        this.clock = clock;
    }

    public WorkList builtIn(BuiltInView view, Actor actor) {
        Instant now = clock.instant();
        return switch (view) {
            case MINE -> list(query(ACTIVE, actor.id(), null), TicketListFilter.NONE, TicketQuery.Sort.UPDATED_DESC);
            case UNASSIGNED -> list(query(ACTIVE, 0L, null), TicketListFilter.NONE, TicketQuery.Sort.UPDATED_DESC);
            case TEAM -> new WorkList(query(ACTIVE, null, null),
                    new TicketListFilter(actor.teamIds(), null, null, null, null), TicketQuery.Sort.UPDATED_DESC,
                    actor.teamIds().isEmpty());
            case ALL -> list(TicketQuery.all(), TicketListFilter.NONE, TicketQuery.Sort.UPDATED_DESC);
            case DUE_SOON -> list(query(ACTIVE, null, null),
                    new TicketListFilter(null, null, null, now, now.plus(DUE_WINDOW)), TicketQuery.Sort.DUE_ASC);
            case RECENT -> list(query(List.of(), null, now.minus(RECENT_WINDOW)), TicketListFilter.NONE,
                    TicketQuery.Sort.UPDATED_DESC);
        };
    }

    public WorkList filtered(ViewFilters filters) {
        return list(filters.validated().toQuery(), filters.toFilter(), TicketQuery.Sort.UPDATED_DESC);
    }

    public Slice<WorkRow> page(WorkList list, TicketQuery.Sort sort, String cursor, int limit, Actor actor) {
        return page(list, sort, cursor, limit, actor, null);
    }

    /** A page of rows, with the agents' display names already read by the caller ({@code null}: read them here). */
    public Slice<WorkRow> page(WorkList list, TicketQuery.Sort sort, String cursor, int limit, Actor actor,
            Map<Long, String> agentNames) {
        if (list.nothing()) {
            return new Slice<>(List.of(), null);
        }
        if (list.isSearch()) {
            Slice<TicketSearch.Hit> hits = search.search(list.query(), list.filter(), cursor, limit, actor);
            Map<Long, String> names = agentNames == null ? agentNames() : agentNames;
            return hits.map(h -> row(h.ticket(), names, h.highlights()));
        }
        Slice<Ticket> tickets = finder.list(list.query(), list.filter(), sort == null ? list.defaultSort() : sort, cursor,
                limit, actor);
        Map<Long, String> names = agentNames == null ? agentNames() : agentNames;
        return tickets.map(t -> row(t, names, List.of()));
    }

    /** The global search: tickets matching the text, ranked, with safe highlighted fragments. */
    public Slice<WorkRow> search(String text, String cursor, int limit, Actor actor) {
        TicketQuery query = new TicketQuery(null, null, null, null, null, null, null, null, null, null, null, null, text);
        return page(new WorkList(query, TicketListFilter.NONE, null, false), null, cursor, limit, actor);
    }

    public ViewCount count(WorkList list, Actor actor) {
        if (list.nothing()) {
            return ViewCount.of(0);
        }
        if (list.isSearch()) {
            return ViewCount.of(search.count(list.query(), list.filter(), actor));
        }
        return ViewCount.of(finder.countUpTo(list.query(), list.filter(), ViewCount.CAP, actor));
    }

    /** Display names of all agents, from the node's cache of agent names. */
    public Map<Long, String> agentNames() {
        return names(agents.names());
    }

    public static Map<Long, String> names(List<AgentName> agents) {
        Map<Long, String> names = new HashMap<>();
        for (AgentName agent : agents) {
            names.put(agent.id(), agent.displayName());
        }
        return names;
    }

    static WorkRow row(Ticket t, Map<Long, String> agentNames, List<String> highlights) {
        var customer = t.getCustomer();
        var tier = customer.getTier();
        return new WorkRow(t.getId(), t.getNumber(), t.getSubject(), customer.getId(), customer.getName(), tier.getCode(),
                tier.getName(), customer.isVip(), t.getPriority(), t.getStatus(), t.getChannel(), t.getAssigneeId(),
                t.getAssigneeId() == null ? null : agentNames.get(t.getAssigneeId()), t.getCreatedAt(), t.getUpdatedAt(),
                t.getDemandDeadline(), highlights);
    }

    private static WorkList list(TicketQuery query, TicketListFilter filter, TicketQuery.Sort sort) {
        return new WorkList(query, filter, sort, false);
    }

    private static TicketQuery query(List<TicketStatus> statuses, Long assigneeId, Instant updatedFrom) {
        return new TicketQuery(statuses, null, assigneeId, null, null, null, null, null, null, null, updatedFrom, null, null);
    }
}
