package org.kefu.knowledge.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.kefu.knowledge.Article;
import org.kefu.knowledge.ArticleCounts;
import org.kefu.knowledge.ArticleDetails;
import org.kefu.knowledge.ArticleFilter;
import org.kefu.knowledge.ArticleLanguage;
import org.kefu.knowledge.ArticleQuery;
import org.kefu.knowledge.ArticleState;
import org.kefu.knowledge.ArticleStats;
import org.kefu.knowledge.ArticleVariant;
import org.kefu.knowledge.Articles;
import org.kefu.knowledge.KnowledgeCategories;
import org.kefu.knowledge.KnowledgeCategory;
import org.kefu.knowledge.KnowledgeSearch;
import org.kefu.knowledge.MarkdownText;
import org.kefu.knowledge.NewArticle;
import org.kefu.knowledge.VariantText;
import org.kefu.platform.Actor;
import org.kefu.platform.FormProblems;
import org.kefu.platform.InvalidRequestException;
import org.kefu.platform.PageLimit;
import org.kefu.platform.UnprocessableException;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The agents' knowledge base pages: list and search, article, editor, history, categories. */
@Controller
class KnowledgePageController {

    private final Articles articles;
    private final KnowledgeSearch search;
    private final KnowledgeCategories categories;
    private final ArticleStats stats;
    private final TransactionTemplate transactions;

    KnowledgePageController(Articles articles, KnowledgeSearch search, KnowledgeCategories categories, ArticleStats stats,
            TransactionTemplate transactions) {
        this.articles = articles;
        this.search = search;
        this.categories = categories;
        this.stats = stats;
        this.transactions = transactions;
    }

    /** A row of the list: the article in the reader's language when it has it. */
    record Row(long id, String title, String language, ArticleState state, boolean internal, String category,
            java.time.Instant updatedAt, List<String> highlights) {
    }

    /** What the editor form holds. */
    record EditorForm(Long categoryId, Boolean internal, String language, String tags, String title, String slug, String body,
            String questions) {

        public boolean isInternal() {
            return Boolean.TRUE.equals(internal);
        }

        VariantText text() {
            return new VariantText(title, slug, body, lines(questions));
        }

        List<String> tagList() {
            return tags == null ? List.of() : Arrays.stream(tags.split("[,，]")).map(String::strip).filter(t -> !t.isEmpty()).toList();
        }
    }

    static List<String> lines(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("\\R")).map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    @GetMapping("/knowledge")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) ArticleState state,
            @RequestParam(required = false) Long categoryId, @RequestParam(required = false) String lang,
            @RequestParam(required = false) String cursor, Actor actor, Locale locale, Model model) {
        ArticleLanguage reading = ArticleLanguage.closest(locale).orElse(ArticleLanguage.ZH_CN);
        Map<Long, String> names = categoryNames(locale);
        ArticleLanguage only = lang == null || lang.isBlank() ? null : ArticleLanguage.ofTag(lang).orElse(null);
        transactions.executeWithoutResult(tx -> {
            if (q != null && !q.isBlank()) {
                var page = search.search(new ArticleQuery(q, only, state, categoryId, null, null, false), cursor, PageLimit.DEFAULT);
                model.addAttribute("rows", page.items().stream().map(h -> new Row(h.variant().getArticle().getId(),
                        h.variant().getTitle(), h.variant().getLanguage().tag(), h.variant().getArticle().getState(),
                        h.variant().getArticle().isInternal(), names.get(h.variant().getArticle().getCategoryId()),
                        h.variant().getUpdatedAt(), h.highlights())).toList());
                model.addAttribute("nextCursor", page.nextCursor());
            } else {
                var page = articles.list(new ArticleFilter(state, categoryId, null, null), cursor, PageLimit.DEFAULT);
                model.addAttribute("rows", page.items().stream().map(a -> {
                    ArticleVariant v = a.variantFor(only != null ? only : reading).orElseThrow();
                    return new Row(a.getId(), v.getTitle(), v.getLanguage().tag(), a.getState(), a.isInternal(),
                            names.get(a.getCategoryId()), a.getUpdatedAt(), List.of());
                }).toList());
                model.addAttribute("nextCursor", page.nextCursor());
            }
        });
        model.addAttribute("q", q);
        model.addAttribute("state", state);
        model.addAttribute("categoryId", categoryId);
        model.addAttribute("lang", only == null ? null : only.tag());
        model.addAttribute("states", ArticleState.values());
        model.addAttribute("languages", ArticleLanguage.values());
        model.addAttribute("categories", categories.all());
        return "knowledge/list";
    }

    @GetMapping("/knowledge/{id}")
    String article(@PathVariable long id, @RequestParam(required = false) String lang, Actor actor, Locale locale, Model model) {
        transactions.executeWithoutResult(tx -> {
            Article a = articles.get(id);
            ArticleLanguage wanted = lang == null ? ArticleLanguage.closest(locale).orElse(null) : ArticleLanguage.ofTag(lang).orElse(null);
            ArticleVariant v = a.variantFor(wanted).orElseThrow();
            model.addAttribute("article", a);
            model.addAttribute("tags", a.getTags().stream().sorted().toList());
            model.addAttribute("variant", v);
            model.addAttribute("html", MarkdownText.html(v.getBody()));
            model.addAttribute("variants", a.getVariants().stream().map(ArticleVariant::getLanguage).sorted().toList());
            model.addAttribute("missing", Arrays.stream(ArticleLanguage.values())
                    .filter(l -> a.variant(l).isEmpty()).toList());
        });
        model.addAttribute("counts", stats.of(id));
        model.addAttribute("categoryName", categoryNames(locale));
        return "knowledge/article";
    }

    @GetMapping("/knowledge/new")
    String newArticle(Actor actor, Locale locale, Model model) {
        String language = ArticleLanguage.closest(locale).orElse(ArticleLanguage.ZH_CN).tag();
        return editor(model, null, new EditorForm(null, false, language, "", "", "", "", ""), FormProblems.none());
    }

    @PostMapping("/knowledge")
    String create(EditorForm form, Actor actor, Model model) {
        try {
            Article a = transactions.execute(tx -> articles.create(new NewArticle(form.categoryId(), form.isInternal(),
                    KnowledgeApiController.language(form.language(), "language"), form.tagList(), form.text()), actor));
            return "redirect:/knowledge/" + a.getId() + "?lang=" + form.language() + "&saved";
        } catch (InvalidRequestException e) {
            return editor(model, null, form, FormProblems.none().add(e));
        }
    }

    @GetMapping("/knowledge/{id}/edit")
    String edit(@PathVariable long id, @RequestParam String lang, Actor actor, Model model) {
        ArticleLanguage language = KnowledgeApiController.language(lang, "lang");
        EditorForm form = transactions.execute(tx -> {
            Article a = articles.get(id);
            var text = a.variant(language).map(ArticleVariant::text).orElse(null);
            return new EditorForm(a.getCategoryId(), a.isInternal(), language.tag(), String.join(", ", a.getTags()),
                    text == null ? "" : text.title(), text == null ? "" : text.slug(), text == null ? "" : text.body(),
                    text == null ? "" : String.join("\n", text.questions()));
        });
        return editor(model, id, form, FormProblems.none());
    }

    @PostMapping("/knowledge/{id}/variants/{lang}")
    String save(@PathVariable long id, @PathVariable String lang, EditorForm form, Actor actor, Model model) {
        ArticleLanguage language = KnowledgeApiController.language(lang, "lang");
        try {
            transactions.executeWithoutResult(tx -> {
                Article a = articles.get(id);
                articles.describe(id, new ArticleDetails(form.categoryId(), form.isInternal(), a.defaultLanguage(), form.tagList()), actor);
                articles.saveVariant(id, language, form.text(), actor);
            });
            return "redirect:/knowledge/" + id + "?lang=" + language.tag() + "&saved";
        } catch (InvalidRequestException e) {
            return editor(model, id, form, FormProblems.none().add(e));
        }
    }

    @PostMapping("/knowledge/{id}/{action:publish|unpublish|archive}")
    String state(@PathVariable long id, @PathVariable String action, @RequestParam(required = false) String lang, Actor actor,
            Model model) {
        try {
            transactions.executeWithoutResult(tx -> {
                switch (action) {
                    case "publish" -> articles.publish(id, actor);
                    case "unpublish" -> articles.unpublish(id, actor);
                    default -> articles.archive(id, actor);
                }
            });
        } catch (UnprocessableException e) {
            return "redirect:/knowledge/" + id + "?cannotPublish" + (lang == null ? "" : "&lang=" + lang);
        }
        return "redirect:/knowledge/" + id + (lang == null ? "" : "?lang=" + lang);
    }

    @GetMapping("/knowledge/{id}/history")
    String history(@PathVariable long id, @RequestParam String lang, @RequestParam(required = false) String cursor,
            @RequestParam(required = false) Integer show, Actor actor, Model model) {
        ArticleLanguage language = KnowledgeApiController.language(lang, "lang");
        transactions.executeWithoutResult(tx -> {
            ArticleVariant v = articles.variant(id, language);
            model.addAttribute("article", v.getArticle());
            model.addAttribute("variant", v);
        });
        var page = articles.versions(id, language, cursor, PageLimit.DEFAULT);
        model.addAttribute("versions", page.items());
        model.addAttribute("nextCursor", page.nextCursor());
        if (show != null) {
            var version = articles.version(id, language, show);
            model.addAttribute("shown", version);
            model.addAttribute("shownHtml", MarkdownText.html(version.text().body()));
        }
        return "knowledge/history";
    }

    @PostMapping("/knowledge/{id}/history/{versionNo}/restore")
    String restore(@PathVariable long id, @PathVariable int versionNo, @RequestParam String lang, Actor actor) {
        ArticleLanguage language = KnowledgeApiController.language(lang, "lang");
        transactions.executeWithoutResult(tx -> articles.restore(id, language, versionNo, actor));
        return "redirect:/knowledge/" + id + "/history?lang=" + language.tag();
    }

    // ---- categories ----------------------------------------------------------------------------

    @GetMapping("/knowledge/categories")
    String categories(Actor actor, Model model) {
        model.addAttribute("categories", categories.all());
        model.addAttribute("problems", FormProblems.none());
        return "knowledge/categories";
    }

    @PostMapping("/knowledge/categories")
    String createCategory(KnowledgeCategories.CategoryInput input, Actor actor, Model model) {
        try {
            categories.create(input, actor);
            return "redirect:/knowledge/categories";
        } catch (InvalidRequestException e) {
            model.addAttribute("categories", categories.all());
            model.addAttribute("problems", FormProblems.none().add(e));
            return "knowledge/categories";
        }
    }

    @PostMapping("/knowledge/categories/{id}")
    String updateCategory(@PathVariable long id, KnowledgeCategories.CategoryInput input, Actor actor, Model model) {
        try {
            categories.update(id, input, actor);
            return "redirect:/knowledge/categories";
        } catch (InvalidRequestException e) {
            model.addAttribute("categories", categories.all());
            model.addAttribute("problems", FormProblems.none().add(e));
            return "knowledge/categories";
        }
    }

    @PostMapping("/knowledge/categories/{id}/delete")
    String deleteCategory(@PathVariable long id, Actor actor) {
        categories.delete(id, actor);
        return "redirect:/knowledge/categories";
    }

    private String editor(Model model, Long id, EditorForm form, FormProblems problems) {
        model.addAttribute("articleId", id);
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        model.addAttribute("categories", categories.all());
        model.addAttribute("languages", ArticleLanguage.values());
        return "knowledge/editor";
    }

    private Map<Long, String> categoryNames(Locale locale) {
        Map<Long, String> names = new java.util.HashMap<>();
        for (KnowledgeCategory c : categories.all()) {
            names.put(c.id(), c.name(locale));
        }
        return names;
    }
}
