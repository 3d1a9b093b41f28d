package org.kefu.ticket;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hibernate.search.backend.lucene.LuceneExtension;
import org.hibernate.search.engine.search.predicate.dsl.BooleanPredicateClausesStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.massindexing.MassIndexer;
import org.kefu.customer.PhoneNumbers;
import org.kefu.platform.Actor;
import org.kefu.platform.Cursor;
import org.kefu.platform.Role;
import org.kefu.platform.Slice;
import org.kefu.platform.search.SearchText;
import org.kefu.platform.search.StoredOffsets;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.kefu.platform.HtmlText;

/**
 * Full-text search over tickets: subject, every message and note, customer name, email and
 * phone, and the ticket number. Results are ranked; matches come back as safe HTML snippets
 * in which only {@code <mark>} is markup (customer text is escaped).
 */
@Service
@Transactional(readOnly = true)
public class TicketSearch {

    private static final String OPEN = "\uE000";
    private static final String CLOSE = "\uE001";
    static final int MAX_OFFSET = 1_000;
    /** The fields search highlights; they store term vectors with offsets, so the highlighter reads instead of re-analysing. */
    static final List<String> HIGHLIGHTED = List.of("subject", "entries.body");

    private final EntityManager entityManager;

    TicketSearch(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** One search hit: the ticket and highlighted snippets of where it matched. */
    public record Hit(Ticket ticket, List<String> highlights) {
    }

    public Slice<Hit> search(TicketQuery query, String cursor, int limit, Actor actor) {
        return search(query, TicketListFilter.NONE, cursor, limit, actor);
    }

    /** Search narrowed by a work-list filter; only {@link TicketListFilter#searchable()} filters are allowed. */
    public Slice<Hit> search(TicketQuery query, TicketListFilter filter, String cursor, int limit, Actor actor) {
        requireSearchable(filter);
        int offset = cursor == null ? 0 : (int) Cursor.decode(cursor, "relevance").id();
        String text = SearchText.clean(query.q());
        if (text.isEmpty()) {
            return new Slice<>(List.of(), null);
        }
        List<Row> rows = Search.session(entityManager).search(Ticket.class)
                .select(f -> f.composite().from(f.entity(Ticket.class), f.highlight(HIGHLIGHTED.get(0)), f.highlight(HIGHLIGHTED.get(1)))
                        .as(Row::new))
                .where(f -> {
                    var root = f.bool().must(matches(f, text));
                    filters(f, root, query, actor);
                    more(f, root, filter);
                    return root;
                })
                .highlighter(h -> h.unified().tag(OPEN, CLOSE).numberOfFragments(3))
                .fetchHits(offset, limit + 1);
        List<Hit> hits = new ArrayList<>(rows.size());
        for (Row row : rows) {
            List<String> highlights = new ArrayList<>(row.subject());
            highlights.addAll(row.bodies());
            hits.add(new Hit(row.ticket(), highlights.stream().limit(3).map(TicketSearch::safe).toList()));
        }
        Slice<Hit> slice = Slice.fromOverfetch(hits, limit, h -> new Cursor("relevance", null, offset + limit));
        return offset + limit >= MAX_OFFSET ? new Slice<>(slice.items(), null) : slice;
    }

    /** How many tickets the actor may see match the text and filters (Lucene counts cheaply). */
    public long count(TicketQuery query, TicketListFilter filter, Actor actor) {
        requireSearchable(filter);
        String text = SearchText.clean(query.q());
        if (text.isEmpty()) {
            return 0;
        }
        return Search.session(entityManager).search(Ticket.class)
                .where(f -> {
                    var root = f.bool().must(matches(f, text));
                    filters(f, root, query, actor);
                    more(f, root, filter);
                    return root;
                })
                .fetchTotalHitCount();
    }

    private static void requireSearchable(TicketListFilter filter) {
        if (!filter.searchable()) {
            throw org.kefu.platform.InvalidRequestException.of("q", "full-text search cannot be combined with tier or due-date filters");
        }
    }

    private static void more(SearchPredicateFactory f, BooleanPredicateClausesStep<?, ?> root, TicketListFilter filter) {
        if (!filter.teamIds().isEmpty()) {
            root.filter(f.terms().field("teamId").matchingAny(filter.teamIds()));
        }
        if (filter.complaintType() != null) {
            root.filter(f.match().field("complaintType").matching(filter.complaintType()));
        }
    }

    private static org.hibernate.search.engine.search.predicate.SearchPredicate matches(SearchPredicateFactory f, String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (TicketNumber.looksLike(text)) {
            return f.match().field("number").matching(lower).toPredicate();
        }
        var any = f.bool()
                .should(f.match().field("subject").matching(text).boost(3f))
                .should(f.match().field("entries.body").matching(text))
                .should(f.match().field("customer.name").matching(text).boost(2f))
                .should(f.match().field("customer.emails.email").matching(lower).boost(5f))
                .should(f.match().field("customer.emails.email_text").matching(text))
                .should(f.match().field("number").matching(lower).boost(10f));
        String digits = PhoneNumbers.digits(text).replace("+", "");
        if (digits.length() >= 5) {
            // stored with a leading + when the customer's number had one; people type it either way
            any.should(f.terms().field("customer.phones.phoneDigits").matchingAny(java.util.List.of(digits, "+" + digits)).boost(5f));
        }
        return any.toPredicate();
    }

    private static void filters(SearchPredicateFactory f, BooleanPredicateClausesStep<?, ?> root, TicketQuery query, Actor actor) {
        if (!actor.isAdmin()) {
            var visible = f.bool().should(f.match().field("assigneeId").matching(actor.id()));
            if (!actor.departmentIds().isEmpty()) {
                visible.should(f.terms().field("departmentId").matchingAny(actor.departmentIds()));
            }
            if (actor.role() == Role.SUPERVISOR && !actor.teamIds().isEmpty()) {
                visible.should(f.terms().field("teamId").matchingAny(actor.teamIds()));
            }
            root.filter(visible);
        }
        if (!query.statuses().isEmpty()) {
            root.filter(f.terms().field("status").matchingAny(query.statuses()));
        }
        if (!query.priorities().isEmpty()) {
            root.filter(f.terms().field("priority").matchingAny(query.priorities()));
        }
        if (query.assigneeId() != null) {
            root.filter(query.assigneeId() == 0 ? f.not(f.exists().field("assigneeId"))
                    : f.match().field("assigneeId").matching(query.assigneeId()));
        }
        if (query.teamId() != null) {
            root.filter(f.match().field("teamId").matching(query.teamId()));
        }
        if (query.departmentId() != null) {
            root.filter(f.match().field("departmentId").matching(query.departmentId()));
        }
        if (query.channel() != null) {
            root.filter(f.match().field("channel").matching(query.channel()));
        }
        if (query.tag() != null) {
            root.filter(f.match().field("tags").matching(query.tag()));
        }
        if (query.createdFrom() != null || query.createdTo() != null) {
            root.filter(f.range().field("createdAt").between(query.createdFrom(), query.createdTo()));
        }
        if (query.updatedFrom() != null || query.updatedTo() != null) {
            root.filter(f.range().field("updatedAt").between(query.updatedFrom(), query.updatedTo()));
        }
    }

    private record Row(Ticket ticket, List<String> subject, List<String> bodies) {
    }

    /** Escapes the customer's text, then turns the highlighter's private markers into {@code <mark>}. */
    static String safe(String fragment) {
        return HtmlText.escape(fragment).replace(OPEN, "<mark>").replace(CLOSE, "</mark>");
    }

    /**
     * True when the ticket index was written before the highlighted fields stored their offsets: searches and
     * highlights still work, but changed tickets cannot be indexed into it until it is dropped and rebuilt.
     */
    public boolean indexLacksOffsets() {
        return StoredOffsets.missing(
                () -> Search.session(entityManager).scope(Ticket.class).extension(LuceneExtension.get()).openIndexReader(),
                HIGHLIGHTED);
    }

    /** Rebuilds the ticket and customer indexes from the database (dropping them first if their format is outdated). */
    public MassIndexer rebuildIndexer() {
        return Search.session(entityManager).massIndexer(Ticket.class, org.kefu.customer.Customer.class)
                .dropAndCreateSchemaOnStart(indexLacksOffsets())
                .threadsToLoadObjects(2)
                .batchSizeToLoadObjects(100);
    }
}
