package org.kefu.knowledge;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hibernate.search.backend.lucene.LuceneExtension;
import org.hibernate.search.engine.search.predicate.SearchPredicate;
import org.hibernate.search.engine.search.predicate.dsl.BooleanPredicateClausesStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.mapper.orm.Search;
import org.kefu.platform.Cursor;
import org.kefu.platform.HtmlText;
import org.kefu.platform.Slice;
import org.kefu.platform.search.SearchIndexJournal;
import org.kefu.platform.search.SearchText;
import org.kefu.platform.search.StoredOffsets;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Full-text search over article variants with the desk's analyser ({@code kefu_text}: Simplified and Traditional
 * Chinese find each other, English is stemmed). Title and listed questions weigh more than the body.
 */
@Service
@Transactional(readOnly = true)
public class KnowledgeSearch {

    static final int MAX_OFFSET = 1_000;
    private static final String OPEN = "\uE000";
    private static final String CLOSE = "\uE001";
    /** The fields search highlights; they store term vectors with offsets, so the highlighter reads instead of re-analysing. */
    static final List<String> HIGHLIGHTED = List.of("title", "body");

    private final EntityManager entityManager;
    private final KnowledgeCategories categories;
    private final SearchIndexJournal journal;
    private final Clock clock;

    KnowledgeSearch(EntityManager entityManager, KnowledgeCategories categories, SearchIndexJournal journal,
            Clock clock) {
        this.entityManager = entityManager;
        this.categories = categories;
        this.journal = journal;
        this.clock = clock;
    }

    /** A matching variant, with safe HTML snippets where only {@code <mark>} is markup. */
    public record Hit(ArticleVariant variant, List<String> highlights) {
    }

    public Slice<Hit> search(ArticleQuery query, String cursor, int limit) {
        int offset = cursor == null ? 0 : (int) Cursor.decode(cursor, "relevance").id();
        if (offset < 0 || offset >= MAX_OFFSET) {
            return new Slice<>(List.of(), null);
        }
        String text = SearchText.clean(query.q() == null ? "" : query.q());
        if (text.isEmpty()) {
            return new Slice<>(List.of(), null);
        }
        Set<Long> categoryIds = query.categoryId() == null ? Set.of() : categories.withChildren(query.categoryId());
        List<Row> rows = Search.session(entityManager).search(ArticleVariant.class)
                .select(f -> f.composite().from(f.entity(ArticleVariant.class), f.highlight(HIGHLIGHTED.get(0)),
                        f.highlight(HIGHLIGHTED.get(1))).as(Row::new))
                .where(f -> {
                    var root = f.bool().must(matches(f, text));
                    filters(f, root, query, categoryIds);
                    return root;
                })
                .highlighter(h -> h.unified().tag(OPEN, CLOSE).numberOfFragments(2))
                .fetchHits(offset, limit + 1);
        List<Hit> hits = new ArrayList<>(rows.size());
        for (Row row : rows) {
            List<String> highlights = new ArrayList<>(row.title());
            highlights.addAll(row.body());
            hits.add(new Hit(row.variant(), highlights.stream().limit(2).map(KnowledgeSearch::safe).toList()));
        }
        Slice<Hit> slice = Slice.fromOverfetch(hits, limit, h -> new Cursor("relevance", null, offset + limit));
        return offset + limit >= MAX_OFFSET ? new Slice<>(slice.items(), null) : slice;
    }

    /** The best matching variants, without highlights (for suggestions and passages). */
    public List<ArticleVariant> best(ArticleQuery query, int max) {
        String text = SearchText.clean(query.q() == null ? "" : query.q());
        if (text.isEmpty()) {
            return List.of();
        }
        Set<Long> categoryIds = query.categoryId() == null ? Set.of() : categories.withChildren(query.categoryId());
        return Search.session(entityManager).search(ArticleVariant.class)
                .where(f -> {
                    var root = f.bool().must(matches(f, text));
                    filters(f, root, query, categoryIds);
                    return root;
                })
                .fetchHits(max);
    }

    public long count(ArticleQuery query) {
        String text = SearchText.clean(query.q() == null ? "" : query.q());
        if (text.isEmpty()) {
            return 0;
        }
        Set<Long> categoryIds = query.categoryId() == null ? Set.of() : categories.withChildren(query.categoryId());
        return Search.session(entityManager).search(ArticleVariant.class)
                .where(f -> {
                    var root = f.bool().must(matches(f, text));
                    filters(f, root, query, categoryIds);
                    return root;
                }).fetchTotalHitCount();
    }

    /** True when the knowledge index was written before the highlighted fields stored their offsets (see StoredOffsets). */
    public boolean indexLacksOffsets() {
        return StoredOffsets.missing(() -> Search.session(entityManager).scope(ArticleVariant.class)
                .extension(LuceneExtension.get()).openIndexReader(), HIGHLIGHTED);
    }

    /**
     * Rebuilds the knowledge index from the database in the background (dropping it first if its format is outdated),
     * then indexes again what changed while it ran: the rebuild may have read an article before such a change.
     */
    public void rebuild() {
        Instant started = clock.instant();
        Search.session(entityManager).massIndexer(ArticleVariant.class).dropAndCreateSchemaOnStart(indexLacksOffsets())
                .threadsToLoadObjects(1).batchSizeToLoadObjects(100).start()
                .thenRun(() -> journal.indexAgainChangedSince(started, List.of(ArticleVariant.class)));
    }

    private static SearchPredicate matches(SearchPredicateFactory f, String text) {
        return f.bool()
                .should(f.match().field("title").matching(text).boost(3f))
                .should(f.match().field("questions").matching(text).boost(2f))
                .should(f.match().field("body").matching(text))
                .toPredicate();
    }

    private static void filters(SearchPredicateFactory f, BooleanPredicateClausesStep<?, ?> root, ArticleQuery query,
            Set<Long> categoryIds) {
        if (query.publicOnly()) {
            root.filter(f.match().field("article.state").matching(ArticleState.PUBLISHED));
            root.filter(f.match().field("article.internal").matching(false));
        } else {
            if (query.state() != null) {
                root.filter(f.match().field("article.state").matching(query.state()));
            }
            if (query.internal() != null) {
                root.filter(f.match().field("article.internal").matching(query.internal()));
            }
        }
        if (query.language() != null) {
            root.filter(f.match().field("language").matching(query.language().tag()));
        }
        if (!categoryIds.isEmpty()) {
            root.filter(f.terms().field("article.categoryId").matchingAny(categoryIds));
        }
        if (query.tag() != null && !query.tag().isBlank()) {
            root.filter(f.match().field("article.tags").matching(query.tag().strip()));
        }
    }

    static String safe(String fragment) {
        return HtmlText.escape(fragment).replace(OPEN, "<mark>").replace(CLOSE, "</mark>");
    }

    private record Row(ArticleVariant variant, List<String> title, List<String> body) {
    }
}
