package org.kefu.knowledge.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.kefu.knowledge.Article;
import org.kefu.knowledge.ArticleCounts;
import org.kefu.knowledge.ArticleDetails;
import org.kefu.knowledge.ArticleFilter;
import org.kefu.knowledge.ArticleLanguage;
import org.kefu.knowledge.ArticleQuery;
import org.kefu.knowledge.ArticleState;
import org.kefu.knowledge.ArticleStats;
import org.kefu.knowledge.Articles;
import org.kefu.knowledge.KnowledgeCategories;
import org.kefu.knowledge.KnowledgeSearch;
import org.kefu.knowledge.NewArticle;
import org.kefu.knowledge.VariantText;
import org.kefu.knowledge.web.ArticleViews.ArticleView;
import org.kefu.knowledge.web.ArticleViews.CategoryView;
import org.kefu.knowledge.web.ArticleViews.HitView;
import org.kefu.knowledge.web.ArticleViews.Page;
import org.kefu.knowledge.web.ArticleViews.VariantView;
import org.kefu.knowledge.web.ArticleViews.VersionView;
import org.kefu.platform.Actor;
import org.kefu.platform.InvalidRequestException;
import org.kefu.platform.PageLimit;
import org.kefu.platform.Role;
import org.kefu.platform.Slice;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/knowledge")
@Tag(name = "Knowledge base", description = "Articles, language variants, versions, categories, search and counters")
class KnowledgeApiController {

    private final Articles articles;
    private final KnowledgeSearch search;
    private final KnowledgeCategories categories;
    private final ArticleStats stats;
    private final TransactionTemplate transactions;

    KnowledgeApiController(Articles articles, KnowledgeSearch search, KnowledgeCategories categories, ArticleStats stats,
            TransactionTemplate transactions) {
        this.articles = articles;
        this.search = search;
        this.categories = categories;
        this.stats = stats;
        this.transactions = transactions;
    }

    record ArticleRequest(Long categoryId, Boolean internal, @NotNull String language, List<String> tags,
            String title, String slug, String body, List<String> questions) {
    }

    record VariantRequest(String title, String slug, String body, List<String> questions) {
    }

    record DetailsRequest(Long categoryId, Boolean internal, @NotNull String defaultLanguage, List<String> tags) {
    }

    record UsageRequest(@NotNull Long ticketId, @NotNull ArticleStats.Usage how) {
    }

    // ---- articles ------------------------------------------------------------------------------

    @GetMapping("/articles")
    @Operation(summary = "Lists articles, most recently changed first (keyset paging); with q, full-text search by "
            + "relevance over the language variants (each hit is one variant)")
    Page<?> list(@RequestParam(required = false) String q, @RequestParam(required = false) ArticleState state,
            @RequestParam(required = false) Long categoryId, @RequestParam(required = false) Boolean internal,
            @RequestParam(required = false) String tag,
            @Parameter(description = "zh-CN, zh-TW or en; with q only") @RequestParam(required = false) String lang,
            @RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit, Actor actor) {
        int size = PageLimit.of(limit);
        if (q != null && !q.isBlank()) {
            return searchPage(new ArticleQuery(q, lang == null ? null : language(lang, "lang"), state, categoryId, tag, internal, false),
                    cursor, size);
        }
        return transactions.execute(tx -> {
            Slice<Article> page = articles.list(new ArticleFilter(state, categoryId, internal, tag), cursor, size);
            Map<Long, ArticleCounts> counts = stats.of(page.items().stream().map(Article::getId).toList());
            return new Page<>(page.items().stream()
                    .map(a -> ArticleView.of(a, false, counts.getOrDefault(a.getId(), ArticleCounts.NONE))).toList(),
                    page.nextCursor());
        });
    }

    @GetMapping("/search")
    @Operation(summary = "Full-text search over article variants (Simplified and Traditional Chinese find each other, "
            + "English is stemmed); published articles unless state is given")
    Page<HitView> search(@RequestParam String q, @RequestParam(required = false) String lang,
            @RequestParam(required = false) ArticleState state, @RequestParam(required = false) Long categoryId,
            @RequestParam(required = false) Boolean internal, @RequestParam(required = false) String tag,
            @RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit, Actor actor) {
        return searchPage(new ArticleQuery(q, lang == null ? null : language(lang, "lang"),
                state == null ? ArticleState.PUBLISHED : state, categoryId, tag, internal, false), cursor, PageLimit.of(limit));
    }

    private Page<HitView> searchPage(ArticleQuery query, String cursor, int limit) {
        return transactions.execute(tx -> {
            var page = search.search(query, cursor, limit);
            return new Page<>(page.items().stream().map(h -> new HitView(h.variant().getArticle().getId(),
                    h.variant().getLanguage().tag(), h.variant().getTitle(), h.variant().getArticle().getState().name(),
                    h.variant().getArticle().isInternal(), h.variant().helpPath(), h.highlights())).toList(), page.nextCursor());
        });
    }

    @PostMapping("/articles")
    @Operation(summary = "Starts an article (a draft) with its first language variant; any agent may")
    ResponseEntity<ArticleView> create(@Valid @RequestBody ArticleRequest body, Actor actor) {
        ArticleView view = transactions.execute(tx -> {
            Article a = articles.create(new NewArticle(body.categoryId(), Boolean.TRUE.equals(body.internal()), language(body.language(), "language"),
                    body.tags(), new VariantText(body.title(), body.slug(), body.body(), body.questions())), actor);
            return ArticleView.of(a, true, stats.of(a.getId()));
        });
        return ResponseEntity.created(URI.create("/api/v1/knowledge/articles/" + view.id())).body(view);
    }

    @GetMapping("/articles/{id}")
    @Operation(summary = "An article with all its variants (Markdown and rendered safe HTML) and its counters")
    ArticleView get(@PathVariable long id, Actor actor) {
        return transactions.execute(tx -> ArticleView.of(articles.get(id), true, stats.of(id)));
    }

    @PatchMapping("/articles/{id}")
    @Operation(summary = "Changes category, internal-only, default language and tags (published articles: supervisors and admins)")
    ArticleView describe(@PathVariable long id, @Valid @RequestBody DetailsRequest body, Actor actor) {
        return transactions.execute(tx -> ArticleView.of(articles.describe(id, new ArticleDetails(body.categoryId(),
                Boolean.TRUE.equals(body.internal()), language(body.defaultLanguage(), "defaultLanguage"), body.tags()), actor), true, stats.of(id)));
    }

    @PostMapping("/articles/{id}/publish")
    @Operation(summary = "Publishes the article (supervisors and admins); it needs a variant in its default language")
    ArticleView publish(@PathVariable long id, Actor actor) {
        return transactions.execute(tx -> ArticleView.of(articles.publish(id, actor), false, stats.of(id)));
    }

    @PostMapping("/articles/{id}/unpublish")
    @Operation(summary = "Takes the article back to draft (supervisors and admins)")
    ArticleView unpublish(@PathVariable long id, Actor actor) {
        return transactions.execute(tx -> ArticleView.of(articles.unpublish(id, actor), false, stats.of(id)));
    }

    @PostMapping("/articles/{id}/archive")
    @Operation(summary = "Archives the article (supervisors and admins); archived articles are not shown or suggested")
    ArticleView archive(@PathVariable long id, Actor actor) {
        return transactions.execute(tx -> ArticleView.of(articles.archive(id, actor), false, stats.of(id)));
    }

    @GetMapping("/articles/{id}/stats")
    @Operation(summary = "Views, helpful / not helpful, used in resolved tickets, deflected tickets")
    ArticleCounts stats(@PathVariable long id, Actor actor) {
        transactions.execute(tx -> articles.get(id));
        return stats.of(id);
    }

    @PostMapping("/articles/{id}/usages")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Records that the article was put into a reply on a ticket (LINK or TEXT); when the ticket is "
            + "resolved the article counts as having helped once")
    void usage(@PathVariable long id, @Valid @RequestBody UsageRequest body, Actor actor) {
        stats.recordUsage(body.ticketId(), id, body.how(), actor);
    }

    // ---- variants and versions -----------------------------------------------------------------

    @GetMapping("/articles/{id}/variants/{lang}")
    @Operation(summary = "One language variant")
    VariantView variant(@PathVariable long id, @PathVariable String lang, Actor actor) {
        return transactions.execute(tx -> VariantView.of(articles.variant(id, language(lang, "lang")), true));
    }

    @PutMapping("/articles/{id}/variants/{lang}")
    @Operation(summary = "Creates or replaces a language variant; every save appends a version")
    VariantView saveVariant(@PathVariable long id, @PathVariable String lang, @RequestBody VariantRequest body, Actor actor) {
        return transactions.execute(tx -> VariantView.of(articles.saveVariant(id, language(lang, "lang"),
                new VariantText(body.title(), body.slug(), body.body(), body.questions()), actor), true));
    }

    @GetMapping("/articles/{id}/variants/{lang}/versions")
    @Operation(summary = "The variant's versions, newest first (keyset paging; bodies left out)")
    Page<VersionView> versions(@PathVariable long id, @PathVariable String lang, @RequestParam(required = false) String cursor,
            @RequestParam(required = false) Integer limit, Actor actor) {
        Slice<VersionView> page = articles.versions(id, language(lang, "lang"), cursor, PageLimit.of(limit))
                .map(v -> VersionView.of(v, false));
        return new Page<>(page.items(), page.nextCursor());
    }

    @GetMapping("/articles/{id}/variants/{lang}/versions/{versionNo}")
    @Operation(summary = "One version with its text")
    VersionView version(@PathVariable long id, @PathVariable String lang, @PathVariable int versionNo, Actor actor) {
        return VersionView.of(articles.version(id, language(lang, "lang"), versionNo), true);
    }

    @PostMapping("/articles/{id}/variants/{lang}/versions/{versionNo}/restore")
    @Operation(summary = "Saves the version's text as the newest version")
    VariantView restore(@PathVariable long id, @PathVariable String lang, @PathVariable int versionNo, Actor actor) {
        return transactions.execute(tx -> VariantView.of(articles.restore(id, language(lang, "lang"), versionNo, actor), true));
    }

    // ---- categories ----------------------------------------------------------------------------

    @GetMapping("/categories")
    @Operation(summary = "All categories, parents before their children")
    List<CategoryView> categories(Actor actor) {
        return categories.all().stream().map(CategoryView::of).toList();
    }

    @PostMapping("/categories")
    @Operation(summary = "Creates a category (admins); parentId makes it a sub-category of a top-level one")
    ResponseEntity<CategoryView> createCategory(@RequestBody KnowledgeCategories.CategoryInput body, Actor actor) {
        CategoryView view = CategoryView.of(categories.create(body, actor));
        return ResponseEntity.created(URI.create("/api/v1/knowledge/categories/" + view.id())).body(view);
    }

    @PatchMapping("/categories/{id}")
    @Operation(summary = "Renames or moves a category (admins)")
    CategoryView updateCategory(@PathVariable long id, @RequestBody KnowledgeCategories.CategoryInput body, Actor actor) {
        return CategoryView.of(categories.update(id, body, actor));
    }

    @DeleteMapping("/categories/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Deletes an empty category (admins); 409 while it has sub-categories or articles")
    void deleteCategory(@PathVariable long id, Actor actor) {
        categories.delete(id, actor);
    }

    // ---- index ---------------------------------------------------------------------------------

    @PostMapping("/search-index/rebuild")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Rebuilds the knowledge search index from the database in the background (admins)")
    void rebuild(Actor actor) {
        actor.requireRole(Role.ADMIN);
        search.rebuild();
    }

    static ArticleLanguage language(String tag, String field) {
        return ArticleLanguage.ofTag(tag).orElseThrow(() -> InvalidRequestException.of(field, "must be zh-CN, zh-TW or en"));
    }
}
