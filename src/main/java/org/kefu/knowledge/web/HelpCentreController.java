package org.kefu.knowledge.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kefu.knowledge.Article;
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
import org.kefu.platform.NotFoundException;
import org.kefu.platform.PageLimit;
import org.kefu.platform.web.PublicUrl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;
import org.springframework.web.util.UriUtils;

/**
 * The public help centre: published, non-internal articles only, at {@code /help/{lang}/{id}-{slug}}. Pages speak
 * the language in their path. A wrong or missing slug answers 301 to the canonical address.
 */
@Controller
class HelpCentreController {

    static final Pattern ID_SLUG = Pattern.compile("^(\\d{1,18})(?:-(.*))?$");
    static final int SUGGESTIONS = 5;
    static final String DEFLECTED = "kefu.help.deflected";

    private final Articles articles;
    private final KnowledgeSearch search;
    private final HelpRateLimits limits;
    private final KnowledgeCategories categories;
    private final ArticleStats stats;
    private final TransactionTemplate transactions;
    private final PublicUrl publicUrl;

    HelpCentreController(Articles articles, KnowledgeSearch search, KnowledgeCategories categories, ArticleStats stats,
            TransactionTemplate transactions, PublicUrl publicUrl, HelpRateLimits limits) {
        this.limits = limits;
        this.articles = articles;
        this.search = search;
        this.categories = categories;
        this.stats = stats;
        this.transactions = transactions;
        this.publicUrl = publicUrl;
    }

    /** An article in a list of the help centre. */
    record Card(long id, String title, String path, String summary) {

        static Card of(ArticleVariant v) {
            return new Card(v.getArticle().getId(), v.getTitle(), encodedPath(v), MarkdownText.summary(v.getBody(), 160));
        }
    }

    /** A result of the public JSON search. */
    record SearchResult(long articleId, String title, String language, String path, String url, String summary) {
    }

    @GetMapping({"/help", "/help/"})
    String root(Locale locale) {
        return "redirect:/help/" + ArticleLanguage.closest(locale).orElse(ArticleLanguage.ZH_CN).tag();
    }

    @GetMapping("/help/{lang:zh-CN|zh-TW|en}")
    String home(@PathVariable String lang, @RequestParam(required = false) String q,
            @RequestParam(required = false) Long category, @RequestParam(required = false) String cursor,
            HttpServletRequest request, Model model) {
        ArticleLanguage language = speak(lang, request);
        List<KnowledgeCategory> all = categories.all();
        model.addAttribute("categories", all);
        model.addAttribute("q", q);
        model.addAttribute("category", category == null ? null : all.stream().filter(c -> c.id() == category).findFirst().orElse(null));
        transactions.executeWithoutResult(tx -> {
            if (q != null && !q.isBlank()) {
                var page = search.search(new ArticleQuery(q, language, ArticleState.PUBLISHED, category, null, false, true), cursor,
                        PageLimit.DEFAULT);
                model.addAttribute("cards", page.items().stream().map(h -> Card.of(h.variant())).toList());
                model.addAttribute("nextCursor", page.nextCursor());
            } else {
                var page = articles.list(new ArticleFilter(ArticleState.PUBLISHED, category, false, null), cursor, PageLimit.DEFAULT);
                model.addAttribute("cards", page.items().stream().map(a -> a.variantFor(language)).flatMap(java.util.Optional::stream)
                        .map(Card::of).toList());
                model.addAttribute("nextCursor", page.nextCursor());
            }
        });
        model.addAttribute("lang", language.tag());
        model.addAttribute("canonical", publicUrl.get() + "/help/" + language.tag());
        model.addAttribute("alternates", alternates(Set.of(ArticleLanguage.values()), l -> "/help/" + l.tag()));
        model.addAttribute("solved", request.getParameter("solved") != null);
        return "knowledge/help-home";
    }

    @GetMapping("/help/{lang:zh-CN|zh-TW|en}/{idSlug}")
    Object article(@PathVariable String lang, @PathVariable String idSlug, HttpServletRequest request, Model model) {
        ArticleLanguage language = speak(lang, request);
        Matcher m = ID_SLUG.matcher(idSlug);
        if (!m.matches()) {
            throw new NotFoundException("Article", idSlug);
        }
        long id = Long.parseLong(m.group(1));
        String slug = m.group(2);
        return transactions.execute(tx -> {
            Article article = articles.findPublic(id).orElseThrow(() -> new NotFoundException("Article", id));
            ArticleVariant variant = article.variant(language).orElse(null);
            if (variant == null || !variant.getSlug().equals(slug)) {
                ArticleVariant target = variant != null ? variant : article.variantFor(language).orElseThrow();
                return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY).header(HttpHeaders.LOCATION, encodedPath(target)).build();
            }
            stats.recordView(id);
            Map<ArticleLanguage, ArticleVariant> byLanguage = new LinkedHashMap<>();
            article.getVariants().forEach(v -> byLanguage.put(v.getLanguage(), v));
            model.addAttribute("variant", variant);
            model.addAttribute("html", MarkdownText.html(variant.getBody()));
            model.addAttribute("description", MarkdownText.summary(variant.getBody(), 160));
            model.addAttribute("lang", language.tag());
            model.addAttribute("canonical", publicUrl.get() + encodedPath(variant));
            model.addAttribute("alternates", alternates(byLanguage.keySet(), l -> encodedPath(byLanguage.get(l))));
            model.addAttribute("xDefault", publicUrl.get() + encodedPath(byLanguage.getOrDefault(article.defaultLanguage(), variant)));
            model.addAttribute("category", article.getCategoryId() == null ? null : categories.find(article.getCategoryId()).orElse(null));
            model.addAttribute("rated", request.getParameter("rated") != null);
            return "knowledge/help-article";
        });
    }

    @PostMapping("/help/{lang:zh-CN|zh-TW|en}/{id:\\d+}/rating")
    String rate(@PathVariable String lang, @PathVariable long id, @RequestParam boolean helpful, HttpServletRequest request) {
        String path = transactions.execute(tx -> {
            Article article = articles.findPublic(id).orElseThrow(() -> new NotFoundException("Article", id));
            return encodedPath(article.variantFor(ArticleLanguage.ofTag(lang).orElse(null)).orElseThrow());
        });
        stats.rate(id, voter(request.getSession(true)), helpful);
        return "redirect:" + path + "?rated";
    }

    /** The JSON search for the chat widget and other public clients: published, non-internal articles. */
    @GetMapping(path = "/help/search.json", produces = "application/json")
    @ResponseBody
    List<SearchResult> searchJson(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) String lang,
            @RequestParam(required = false) Integer limit, HttpServletRequest request) {
        limits.search(request.getRemoteAddr());
        int size = limit == null ? 5 : Math.max(1, Math.min(10, limit));
        ArticleLanguage language = ArticleLanguage.ofTag(lang).orElse(null);
        String base = publicUrl.get();
        return transactions.execute(tx -> {
            List<SearchResult> out = new ArrayList<>();
            for (ArticleVariant v : best(q, language, size)) {
                String path = encodedPath(v);
                out.add(new SearchResult(v.getArticle().getId(), v.getTitle(), v.getLanguage().tag(), path, base + path,
                        MarkdownText.summary(v.getBody(), 160)));
            }
            return out;
        });
    }

    /** The portal's deflection suggestions while a customer writes a ticket (an HTML fragment). */
    @GetMapping("/help/suggest")
    String suggest(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) String lang, Locale locale,
            Model model, HttpServletRequest request) {
        limits.search(request.getRemoteAddr());
        ArticleLanguage language = ArticleLanguage.ofTag(lang).or(() -> ArticleLanguage.closest(locale)).orElse(null);
        model.addAttribute("cards", transactions.execute(tx -> best(q, language, SUGGESTIONS).stream().map(Card::of).toList()));
        return "knowledge/help-suggest";
    }

    /** "This solved my problem": counts a ticket avoided (once per article and visitor session) and leaves the form. */
    @PostMapping("/help/deflections")
    String deflect(@RequestParam long articleId, HttpServletRequest request, Locale locale) {
        transactions.executeWithoutResult(tx -> articles.findPublic(articleId).orElseThrow(() -> new NotFoundException("Article", articleId)));
        HttpSession session = request.getSession(true);
        @SuppressWarnings("unchecked")
        Set<Long> done = session.getAttribute(DEFLECTED) instanceof Set<?> s ? (Set<Long>) s : new HashSet<>();
        if (done.add(articleId)) {
            stats.recordDeflection(articleId);
            session.setAttribute(DEFLECTED, done);
        }
        return "redirect:/help/" + ArticleLanguage.closest(locale).orElse(ArticleLanguage.ZH_CN).tag() + "?solved";
    }

    /** Variants in the asked language first; when none match, any language. */
    private List<ArticleVariant> best(String q, ArticleLanguage language, int size) {
        List<ArticleVariant> found = new ArrayList<>();
        if (language != null) {
            found.addAll(search.best(ArticleQuery.forCustomers(q, language), size));
        }
        if (found.isEmpty()) {
            Set<Long> seen = new HashSet<>();
            for (ArticleVariant v : search.best(ArticleQuery.forCustomers(q, null), size * 3)) {
                if (seen.add(v.getArticle().getId()) && found.size() < size) {
                    found.add(v);
                }
            }
        }
        return found;
    }

    /** The page speaks the language of its path, whatever the visitor's session says. */
    private static ArticleLanguage speak(String lang, HttpServletRequest request) {
        ArticleLanguage language = ArticleLanguage.ofTag(lang).orElseThrow(() -> new NotFoundException("Language", lang));
        request.setAttribute(DispatcherServlet.LOCALE_RESOLVER_ATTRIBUTE, new FixedLocaleResolver(language.locale()));
        return language;
    }

    private Map<String, String> alternates(Set<ArticleLanguage> languages, java.util.function.Function<ArticleLanguage, String> path) {
        String base = publicUrl.get();
        Map<String, String> out = new LinkedHashMap<>();
        for (ArticleLanguage l : ArticleLanguage.values()) {
            if (languages.contains(l)) {
                out.put(l.tag(), base + path.apply(l));
            }
        }
        return out;
    }

    static String encodedPath(ArticleVariant v) {
        return "/help/" + v.getLanguage().tag() + "/" + v.getArticle().getId() + "-"
                + UriUtils.encodePathSegment(v.getSlug(), StandardCharsets.UTF_8);
    }

    /** Votes are kept per visitor session, by a hash of its id (the id itself is a credential). */
    static String voter(HttpSession session) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(session.getId().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
