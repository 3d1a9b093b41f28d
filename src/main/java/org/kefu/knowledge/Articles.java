package org.kefu.knowledge;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.kefu.platform.Actor;
import org.kefu.platform.Cursor;
import org.kefu.platform.ForbiddenException;
import org.kefu.platform.InvalidRequestException;
import org.kefu.platform.NotFoundException;
import org.kefu.platform.Role;
import org.kefu.platform.Slice;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writing and reading articles. Every agent reads every article (internal ones too) and may start drafts and edit
 * drafts; changing what customers see (publishing, unpublishing, archiving, editing a published article, restoring
 * a version of one) needs a supervisor or admin. Every save of a variant appends a version.
 */
@Service
@Transactional
public class Articles {

    private final EntityManager entityManager;
    private final JdbcClient jdbc;
    private final KnowledgeCategories categories;
    private final Clock clock;

    Articles(EntityManager entityManager, JdbcClient jdbc, KnowledgeCategories categories, Clock clock) {
        this.entityManager = entityManager;
        this.jdbc = jdbc;
        this.categories = categories;
        this.clock = clock;
    }

    public Article create(NewArticle command, Actor actor) {
        actor.requireRole(Role.AGENT);
        requireCategory(command.categoryId());
        Instant now = clock.instant();
        Article article = new Article(command.categoryId(), command.internal(), command.language(), command.tags(), actor.id(), now);
        entityManager.persist(article);
        entityManager.flush();
        jdbc.sql("insert into kb_article_stats (article_id, views, helpful, not_helpful, used_resolved, deflections) values (?, 0, 0, 0, 0, 0)")
                .param(article.getId()).update();
        write(article, command.language(), command.text(), actor, null, now);
        return article;
    }

    /** Creates or replaces the variant in {@code language}; appends a version. */
    public ArticleVariant saveVariant(long articleId, ArticleLanguage language, VariantText text, Actor actor) {
        Article article = lockForChange(articleId, actor);
        return write(article, language, text, actor, null, clock.instant());
    }

    public Article describe(long articleId, ArticleDetails details, Actor actor) {
        Article article = lockForChange(articleId, actor);
        requireCategory(details.categoryId());
        if (article.getState() == ArticleState.PUBLISHED && article.variant(details.defaultLanguage()).isEmpty()) {
            throw InvalidRequestException.of("defaultLanguage", "a published article needs a variant in its default language");
        }
        article.describe(details.categoryId(), details.internal(), details.defaultLanguage(), details.tags(), clock.instant());
        reindexVariants(article);
        return article;
    }

    public Article publish(long articleId, Actor actor) {
        actor.requireRole(Role.SUPERVISOR);
        Article article = lock(articleId);
        article.publish(clock.instant());
        reindexVariants(article);
        return article;
    }

    public Article unpublish(long articleId, Actor actor) {
        actor.requireRole(Role.SUPERVISOR);
        Article article = lock(articleId);
        article.unpublish(clock.instant());
        reindexVariants(article);
        return article;
    }

    public Article archive(long articleId, Actor actor) {
        actor.requireRole(Role.SUPERVISOR);
        Article article = lock(articleId);
        article.archive(clock.instant());
        reindexVariants(article);
        return article;
    }

    /** Saves an older version's text as the newest version of the variant. */
    public ArticleVariant restore(long articleId, ArticleLanguage language, int versionNo, Actor actor) {
        Article article = lockForChange(articleId, actor);
        ArticleVersion old = version(articleId, language, versionNo);
        return write(article, language, old.text(), actor, "restored v" + versionNo, clock.instant());
    }

    @Transactional(readOnly = true)
    public Article get(long articleId) {
        Article article = entityManager.find(Article.class, articleId);
        if (article == null) {
            throw new NotFoundException("Article", articleId);
        }
        return article;
    }

    /** A published, non-internal article, for the public help centre and customers. */
    @Transactional(readOnly = true)
    public Optional<Article> findPublic(long articleId) {
        return Optional.ofNullable(entityManager.find(Article.class, articleId)).filter(Article::isPublic);
    }

    @Transactional(readOnly = true)
    public ArticleVariant variant(long articleId, ArticleLanguage language) {
        return get(articleId).variant(language).orElseThrow(() -> new NotFoundException("Variant", articleId + "/" + language.tag()));
    }

    /** The variant's versions, newest first; a variant has as many as it had saves, so they page by keyset. */
    @Transactional(readOnly = true)
    public Slice<ArticleVersion> versions(long articleId, ArticleLanguage language, String cursor, int limit) {
        ArticleVariant variant = variant(articleId, language);
        int before = cursor == null ? Integer.MAX_VALUE : (int) Cursor.decode(cursor, "version").id();
        List<ArticleVersion> rows = jdbc.sql("""
                select id, variant_id, version_no, title, slug, body, questions, author_id, author_name, note, created_at
                from kb_version where variant_id = ? and version_no < ? order by version_no desc fetch first %d rows only"""
                .formatted(limit + 1))
                .params(variant.getId(), before).query((rs, n) -> version(rs)).list();
        return Slice.fromOverfetch(rows, limit, v -> new Cursor("version", null, v.versionNo()));
    }

    @Transactional(readOnly = true)
    public ArticleVersion version(long articleId, ArticleLanguage language, int versionNo) {
        ArticleVariant variant = variant(articleId, language);
        return jdbc.sql("""
                select id, variant_id, version_no, title, slug, body, questions, author_id, author_name, note, created_at
                from kb_version where variant_id = ? and version_no = ?""")
                .params(variant.getId(), versionNo).query((rs, n) -> version(rs)).optional()
                .orElseThrow(() -> new NotFoundException("Version", versionNo));
    }

    /** The agents' list, most recently changed first, by keyset on (updated_at, id). */
    @Transactional(readOnly = true)
    public Slice<Article> list(ArticleFilter filter, String cursor, int limit) {
        StringBuilder jpql = new StringBuilder("select a from Article a where 1 = 1");
        Map<String, Object> params = new java.util.HashMap<>();
        if (filter.state() != null) {
            jpql.append(" and a.state = :state");
            params.put("state", filter.state());
        }
        if (filter.categoryId() != null) {
            jpql.append(" and a.categoryId in :categories");
            params.put("categories", categories.withChildren(filter.categoryId()));
        }
        if (filter.internal() != null) {
            jpql.append(" and a.internal = :internal");
            params.put("internal", filter.internal());
        }
        if (filter.tag() != null && !filter.tag().isBlank()) {
            jpql.append(" and exists (select 1 from Article t join t.tags g where t = a and g = :tag)");
            params.put("tag", filter.tag().strip());
        }
        if (cursor != null) {
            Cursor c = Cursor.decode(cursor, "updated");
            Instant at = parseInstant(c.value());
            jpql.append(" and (a.updatedAt < :at or (a.updatedAt = :at and a.id < :id))");
            params.put("at", at);
            params.put("id", c.id());
        }
        jpql.append(" order by a.updatedAt desc, a.id desc");
        TypedQuery<Article> query = entityManager.createQuery(jpql.toString(), Article.class).setMaxResults(limit + 1);
        params.forEach(query::setParameter);
        List<Article> rows = query.getResultList();
        loadVariants(rows);
        return Slice.fromOverfetch(rows, limit, a -> new Cursor("updated", a.getUpdatedAt().toString(), a.getId()));
    }

    /** Loads the variants of many articles in one query (instead of one per article). */
    void loadVariants(Collection<Article> articles) {
        if (articles.isEmpty()) {
            return;
        }
        entityManager.createQuery("select distinct a from Article a left join fetch a.variants where a in :articles", Article.class)
                .setParameter("articles", articles).getResultList();
    }

    private static Instant parseInstant(String value) {
        try {
            return Instant.parse(value);
        } catch (RuntimeException e) {
            throw InvalidRequestException.of("cursor", "is not a cursor returned by this list");
        }
    }

    private ArticleVariant write(Article article, ArticleLanguage language, VariantText text, Actor actor, String note, Instant now) {
        ArticleVariant variant = article.variant(language).orElseGet(() -> {
            ArticleVariant created = new ArticleVariant(article, language);
            article.add(created);
            return created;
        });
        int versionNo = variant.write(text, actor.id(), now);
        if (variant.getId() == null) {
            entityManager.persist(variant);
        }
        article.touch(now);
        entityManager.flush();
        long id = jdbc.sql("select nextval('kb_version_seq')").query(Long.class).single();
        jdbc.sql("""
                insert into kb_version (id, variant_id, version_no, title, slug, body, questions, author_id, author_name, note, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, variant.getId(), versionNo, text.title(), text.slug(), text.body(), String.join("\n", text.questions()),
                        actor.id(), actor.name() == null ? "" : actor.name(), note, Timestamp.from(now))
                .update();
        return variant;
    }

    private Article lockForChange(long articleId, Actor actor) {
        actor.requireRole(Role.AGENT);
        Article article = lock(articleId);
        if (article.getState() != ArticleState.DRAFT && !actor.isSupervisorOrAdmin()) {
            throw new ForbiddenException("Only supervisors and admins change a published or archived article.");
        }
        return article;
    }

    /** Locks the article so concurrent saves of one variant get consecutive version numbers. */
    private Article lock(long articleId) {
        Article article = entityManager.find(Article.class, articleId, LockModeType.PESSIMISTIC_WRITE);
        if (article == null) {
            throw new NotFoundException("Article", articleId);
        }
        return article;
    }

    private void requireCategory(Long categoryId) {
        if (categoryId != null && categories.find(categoryId).isEmpty()) {
            throw InvalidRequestException.of("categoryId", "no such category");
        }
    }

    /** State, visibility, category and tags are copied into each variant's search document. */
    private void reindexVariants(Article article) {
        var indexing = org.hibernate.search.mapper.orm.Search.session(entityManager).indexingPlan();
        for (ArticleVariant v : article.getVariants()) {
            indexing.addOrUpdate(v);
        }
    }

    private static ArticleVersion version(java.sql.ResultSet rs) throws java.sql.SQLException {
        String questions = rs.getString("questions");
        VariantText text = new VariantText(rs.getString("title"), rs.getString("slug"), rs.getString("body"),
                questions.isBlank() ? List.of() : List.of(questions.split("\n")));
        return new ArticleVersion(rs.getLong("id"), rs.getLong("variant_id"), rs.getInt("version_no"), text,
                rs.getLong("author_id"), rs.getString("author_name"), rs.getString("note"),
                rs.getTimestamp("created_at").toInstant());
    }

    static Set<ArticleLanguage> languages(Article article) {
        Set<ArticleLanguage> out = java.util.EnumSet.noneOf(ArticleLanguage.class);
        article.getVariants().forEach(v -> out.add(v.getLanguage()));
        return out;
    }
}
