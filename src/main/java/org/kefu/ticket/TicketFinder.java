package org.kefu.ticket;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kefu.platform.Actor;
import org.kefu.platform.Cursor;
import org.kefu.platform.Role;
import org.kefu.platform.Slice;
import org.kefu.platform.storage.InList;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads ticket lists and timelines. Lists page by keyset on (sort column, id), each filter has
 * an index, and only the tickets the actor may see are returned.
 */
@Service
@Transactional(readOnly = true)
public class TicketFinder {

    private final EntityManager entityManager;
    private final TicketAccess access;

    TicketFinder(EntityManager entityManager, TicketAccess access) {
        this.entityManager = entityManager;
        this.access = access;
    }

    /** Tickets as lists show them: with their customer and the customer's tier, in the same statement. */
    private static final String LISTED = "select t from Ticket t join fetch t.customer c join fetch c.tier where ";

    public Slice<Ticket> list(TicketQuery query, TicketQuery.Sort sort, String cursor, int limit, Actor actor) {
        return list(query, TicketListFilter.NONE, sort, cursor, limit, actor);
    }

    /** A page of tickets, narrowed further by a work-list filter (teams, tier, complaint type, due window). */
    public Slice<Ticket> list(TicketQuery query, TicketListFilter filter, TicketQuery.Sort sort, String cursor, int limit,
            Actor actor) {
        StringBuilder jpql = new StringBuilder(LISTED + "1 = 1");
        Map<String, Object> params = new HashMap<>();
        where(query, filter, actor, jpql, params);
        if (sort == TicketQuery.Sort.DUE_ASC) {
            jpql.append(" and t.demandDeadline is not null");
        }
        String column = "t." + sort.column;
        if (sort.nullsLast()) {
            return listNullsLast(jpql, params, sort, cursor, limit);
        }
        if (cursor != null) {
            Cursor position = Cursor.decode(cursor, sort.key());
            String op = sort.ascending ? ">" : "<";
            jpql.append(" and (").append(column).append(' ').append(op).append(" :cv or (").append(column)
                    .append(" = :cv and t.id ").append(op).append(" :cid))");
            params.put("cv", Instant.parse(position.value()));
            params.put("cid", position.id());
        }
        String direction = sort.ascending ? " asc" : " desc";
        jpql.append(" order by ").append(column).append(direction).append(", t.id").append(direction);
        TypedQuery<Ticket> typed = entityManager.createQuery(jpql.toString(), Ticket.class);
        params.forEach(typed::setParameter);
        List<Ticket> rows = typed.setMaxResults(limit + 1).getResultList();
        return Slice.fromOverfetch(rows, limit, t -> new Cursor(sort.key(),
                sort.valueOf(t) == null ? null : sort.valueOf(t).toString(), t.getId()));
    }

    /**
     * Ascending with the tickets that have no value last (SLA due): the tickets with a value by keyset on
     * (value, id), then, when that part is exhausted, the ones without by id. Each part is one range scan
     * of an index on (column, id), however deep the page; the cursor after a null value pages by id.
     */
    private Slice<Ticket> listNullsLast(StringBuilder where, Map<String, Object> params, TicketQuery.Sort sort,
            String cursor, int limit) {
        String column = "t." + sort.column;
        Cursor position = cursor == null ? null : Cursor.decode(cursor, sort.key());
        List<Ticket> rows = new ArrayList<>();
        if (position == null || position.value() != null) {
            StringBuilder jpql = new StringBuilder(where).append(" and ").append(column).append(" is not null");
            Map<String, Object> valued = new HashMap<>(params);
            if (position != null) {
                jpql.append(" and ").append(column).append(" >= :cv and (").append(column).append(" > :cv or t.id > :cid)");
                valued.put("cv", Instant.parse(position.value()));
                valued.put("cid", position.id());
            }
            jpql.append(" order by ").append(column).append(" asc, t.id asc");
            rows.addAll(run(jpql, valued, limit + 1));
        }
        if (rows.size() <= limit) {
            StringBuilder jpql = new StringBuilder(where).append(" and ").append(column).append(" is null");
            Map<String, Object> empty = new HashMap<>(params);
            if (position != null && position.value() == null) {
                jpql.append(" and t.id > :cid");
                empty.put("cid", position.id());
            }
            jpql.append(" order by t.id asc");
            rows.addAll(run(jpql, empty, limit + 1 - rows.size()));
        }
        return Slice.fromOverfetch(rows, limit, t -> new Cursor(sort.key(),
                sort.valueOf(t) == null ? null : sort.valueOf(t).toString(), t.getId()));
    }

    private List<Ticket> run(StringBuilder jpql, Map<String, Object> params, int max) {
        TypedQuery<Ticket> typed = entityManager.createQuery(jpql.toString(), Ticket.class);
        params.forEach(typed::setParameter);
        return typed.setMaxResults(max).getResultList();
    }

    /**
     * How many tickets match, counting at most {@code cap}: reading a bounded number of ids keeps
     * the count fast on any table size (callers show "999+").
     */
    public int countUpTo(TicketQuery query, TicketListFilter filter, int cap, Actor actor) {
        StringBuilder jpql = new StringBuilder("select t.id from Ticket t where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        where(query, filter, actor, jpql, params);
        TypedQuery<Long> typed = entityManager.createQuery(jpql.toString(), Long.class);
        params.forEach(typed::setParameter);
        return typed.setMaxResults(cap).getResultList().size();
    }

    private static void where(TicketQuery query, TicketListFilter filter, Actor actor, StringBuilder jpql,
            Map<String, Object> params) {
        visibility(actor, jpql, params);
        if (!query.statuses().isEmpty()) {
            InList.append(jpql.append(" and "), params, "t.status", "status", query.statuses());
        }
        if (!query.priorities().isEmpty()) {
            InList.append(jpql.append(" and "), params, "t.priority", "priority", query.priorities());
        }
        if (query.assigneeId() != null) {
            if (query.assigneeId() == 0) {
                jpql.append(" and t.assigneeId is null");
            } else {
                jpql.append(" and t.assigneeId = :assignee");
                params.put("assignee", query.assigneeId());
            }
        }
        eq(jpql, params, "t.teamId", "team", query.teamId());
        eq(jpql, params, "t.departmentId", "department", query.departmentId());
        eq(jpql, params, "t.customer.id", "customer", query.customerId());
        eq(jpql, params, "t.channel", "channel", query.channel());
        if (query.tag() != null) {
            jpql.append(" and exists (select 1 from Ticket x join x.tags g where x = t and g = :tag)");
            params.put("tag", query.tag());
        }
        range(jpql, params, "t.createdAt", "created", query.createdFrom(), query.createdTo());
        range(jpql, params, "t.updatedAt", "updated", query.updatedFrom(), query.updatedTo());
        if (!filter.teamIds().isEmpty()) {
            InList.append(jpql.append(" and "), params, "t.teamId", "teams", filter.teamIds());
        }
        eq(jpql, params, "t.customer.tier.id", "tier", filter.tierId());
        eq(jpql, params, "t.complaintType", "complaintType", filter.complaintType());
        range(jpql, params, "t.demandDeadline", "due", filter.dueFrom(), filter.dueTo());
    }

    /**
     * The timeline of a ticket, oldest first, including the timelines of tickets merged into it.
     */
    public Slice<TimelineEntry> timeline(long ticketId, List<TimelineEntry.Kind> kinds, String cursor, int limit, Actor actor) {
        access.visible(ticketId, actor);
        List<Long> ids = new ArrayList<>();
        ids.add(ticketId);
        ids.addAll(entityManager.createQuery("select t.id from Ticket t where t.mergedIntoId = :id", Long.class)
                .setParameter("id", ticketId).getResultList());
        StringBuilder jpql = new StringBuilder("select e from TimelineEntry e where ");
        Map<String, Object> params = new HashMap<>();
        InList.append(jpql, params, "e.ticket.id", "ticket", ids);
        if (!kinds.isEmpty()) {
            InList.append(jpql.append(" and "), params, "e.kind", "kind", kinds);
        }
        if (cursor != null) {
            jpql.append(" and e.id > :after");
            params.put("after", Cursor.decode(cursor, "id").id());
        }
        jpql.append(" order by e.id");
        TypedQuery<TimelineEntry> query = entityManager.createQuery(jpql.toString(), TimelineEntry.class);
        params.forEach(query::setParameter);
        List<TimelineEntry> rows = query.setMaxResults(limit + 1).getResultList();
        return Slice.fromOverfetch(rows, limit, e -> new Cursor("id", null, e.getId()));
    }

    /**
     * The newest {@code limit} timeline entries before the {@code before} cursor (all when null),
     * oldest first, including tickets merged into it; {@code nextCursor} fetches the page before
     * these (for "load earlier" on a page that shows the newest at the bottom).
     */
    public Slice<TimelineEntry> timelineBefore(long ticketId, String before, int limit, Actor actor) {
        access.visible(ticketId, actor);
        List<Long> ids = new ArrayList<>();
        ids.add(ticketId);
        ids.addAll(entityManager.createQuery("select t.id from Ticket t where t.mergedIntoId = :id", Long.class)
                .setParameter("id", ticketId).getResultList());
        StringBuilder jpql = new StringBuilder("select e from TimelineEntry e where ");
        Map<String, Object> params = new HashMap<>();
        InList.append(jpql, params, "e.ticket.id", "ticket", ids);
        if (before != null) {
            jpql.append(" and e.id < :before");
            params.put("before", Cursor.decode(before, "id").id());
        }
        TypedQuery<TimelineEntry> query = entityManager.createQuery(jpql.append(" order by e.id desc").toString(),
                TimelineEntry.class);
        params.forEach(query::setParameter);
        List<TimelineEntry> rows = new ArrayList<>(query.setMaxResults(limit + 1).getResultList());
        boolean more = rows.size() > limit;
        if (more) {
            rows.remove(rows.size() - 1);
        }
        java.util.Collections.reverse(rows);
        String earlier = more && !rows.isEmpty() ? new Cursor("id", null, rows.getFirst().getId()).encode() : null;
        return new Slice<>(rows, earlier);
    }

    /** The department, team and assignee of a ticket, without loading it; empty if there is none. */
    @Transactional(readOnly = true)
    public java.util.Optional<TicketScope> scope(long ticketId) {
        // The live feed asks this inside the transaction that changed the ticket: the ticket is then already in
        // the persistence context, and a query would flush and dirty-check the whole session to find it.
        return java.util.Optional.ofNullable(entityManager.find(Ticket.class, ticketId))
                .map(t -> new TicketScope(t.getId(), t.getDepartmentId(), t.getTeamId(), t.getAssigneeId()));
    }

    public String customerWords(long ticketId) {
        List<String> bodies = entityManager.createQuery("select e.body from TimelineEntry e where e.ticket.id = :id"
                        + " and e.kind = :kind order by e.id", String.class)
                .setParameter("id", ticketId)
                .setParameter("kind", TimelineEntry.Kind.CUSTOMER_MESSAGE)
                .setMaxResults(1)
                .getResultList();
        return bodies.isEmpty() ? null : bodies.getFirst();
    }

    /**
     * The tickets of these ids in this order, as lists show them, in one statement (for search hits; not
     * access-checked: the caller found them with the actor's filters); an id with no ticket is left out.
     */
    public List<Ticket> listed(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        StringBuilder jpql = new StringBuilder(LISTED);
        Map<String, Object> params = new HashMap<>();
        InList.append(jpql, params, "t.id", "id", ids);
        TypedQuery<Ticket> query = entityManager.createQuery(jpql.toString(), Ticket.class);
        params.forEach(query::setParameter);
        Map<Long, Ticket> byId = new HashMap<>();
        query.getResultList().forEach(t -> byId.put(t.getId(), t));
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    static void visibility(Actor actor, StringBuilder jpql, Map<String, Object> params) {
        if (actor.isAdmin()) {
            return;
        }
        jpql.append(" and (t.assigneeId = :me");
        params.put("me", actor.id());
        if (!actor.departmentIds().isEmpty()) {
            InList.append(jpql.append(" or "), params, "t.departmentId", "myDepartments", actor.departmentIds());
        }
        if (actor.role() == Role.SUPERVISOR && !actor.teamIds().isEmpty()) {
            InList.append(jpql.append(" or "), params, "t.teamId", "myTeams", actor.teamIds());
        }
        jpql.append(')');
    }

    private static void eq(StringBuilder jpql, Map<String, Object> params, String path, String name, Object value) {
        if (value != null) {
            jpql.append(" and ").append(path).append(" = :").append(name);
            params.put(name, value);
        }
    }

    private static void range(StringBuilder jpql, Map<String, Object> params, String path, String name, Instant from, Instant to) {
        if (from != null) {
            jpql.append(" and ").append(path).append(" >= :").append(name).append("From");
            params.put(name + "From", from);
        }
        if (to != null) {
            jpql.append(" and ").append(path).append(" < :").append(name).append("To");
            params.put(name + "To", to);
        }
    }
}
