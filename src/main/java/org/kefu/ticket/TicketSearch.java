package org.kefu.ticket;

import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexReader;
import org.hibernate.search.backend.lucene.LuceneExtension;
import org.hibernate.search.engine.search.predicate.dsl.BooleanPredicateClausesStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.massindexing.MassIndexer;
import org.kefu.customer.Customer;
import org.kefu.platform.Actor;
import org.kefu.platform.Cursor;
import org.kefu.platform.Role;
import org.kefu.platform.Slice;
import org.kefu.platform.search.SearchText;
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
    /** Snippets per hit: the subject's first, then the messages'. */
    static final int SNIPPETS = 3;
    /** Hibernate Search's text fields of the index format before {@link TicketTextBinder}: their presence means a rebuild. */
    static final List<String> LEGACY_FIELDS = List.of("subject", "entries.body");

    private final EntityManager entityManager;
    private final TicketFinder finder;

    TicketSearch(EntityManager entityManager, TicketFinder finder) {
        this.entityManager = entityManager;
        this.finder = finder;
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
        List<Long> ids = Search.session(entityManager).search(Ticket.class)
                .select(f -> f.id(Long.class))
                .where(f -> {
                    var root = f.bool().must(matches(f, text));
                    filters(f, root, query, actor);
                    more(f, root, filter);
                    return root;
                })
                .fetchHits(offset, limit + 1);
        List<Ticket> tickets = finder.listed(ids);
        Map<Long, List<String>> highlights = highlights(tickets.subList(0, Math.min(limit, tickets.size())), text);
        List<Hit> hits = new ArrayList<>(tickets.size());
        for (Ticket ticket : tickets) {
            hits.add(new Hit(ticket, highlights.getOrDefault(ticket.getId(), List.of()).stream()
                    .limit(SNIPPETS).map(TicketSearch::safe).toList()));
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
        return f.extension(LuceneExtension.get()).fromLuceneQuery(TicketTextQuery.of(text)).toPredicate();
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

    /** Snippets for the shown hits; a ticket number has none (it matched the number, which is not highlighted). */
    private Map<Long, List<String>> highlights(List<Ticket> tickets, String text) {
        if (tickets.isEmpty() || TicketNumber.looksLike(text)) {
            return Map.of();
        }
        List<Long> ids = tickets.stream().map(Ticket::getId).toList();
        return readIndex(reader -> TicketHighlights.of(reader, ids, text, OPEN, CLOSE));
    }

    /** Escapes the customer's text, then turns the highlighter's private markers into {@code <mark>}. */
    static String safe(String fragment) {
        return HtmlText.escape(fragment).replace(OPEN, "<mark>").replace(CLOSE, "</mark>");
    }

    /**
     * True when the ticket index was written by an older version, whose subject and message fields Kefu no longer
     * searches: until it is rebuilt, search finds tickets only by customer and number. It is dropped and rebuilt.
     */
    public boolean indexOutdated() {
        return readIndex(TicketSearch::outdated);
    }

    private interface IndexRead<T> {
        T apply(IndexReader reader) throws IOException;
    }

    /** Reads the ticket index through a reader opened for just this. */
    private <T> T readIndex(IndexRead<T> read) {
        try (IndexReader reader = Search.session(entityManager).scope(Ticket.class).extension(LuceneExtension.get())
                .openIndexReader()) {
            return read.apply(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean outdated(IndexReader reader) {
        FieldInfos infos = FieldInfos.getMergedFieldInfos(reader);
        return LEGACY_FIELDS.stream().anyMatch(field -> infos.fieldInfo(field) != null);
    }

    /** The entity types a rebuild indexes. */
    public static final List<Class<?>> REBUILT = List.of(Ticket.class, Customer.class);

    /** Rebuilds the ticket and customer indexes from the database (dropping them first if their format is outdated). */
    public MassIndexer rebuildIndexer() {
        return Search.session(entityManager).massIndexer(REBUILT)
                .dropAndCreateSchemaOnStart(indexOutdated())
                .threadsToLoadObjects(2)
                .batchSizeToLoadObjects(100);
    }
}
