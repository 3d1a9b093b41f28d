package org.kefu.knowledge;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.hibernate.search.backend.lucene.LuceneBackend;
import org.hibernate.search.mapper.orm.Search;
import org.kefu.platform.search.KefuAnalysisConfigurer;
import org.kefu.platform.search.SearchText;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link KnowledgePassages} over the published, public articles: the search index finds candidate variants, each
 * candidate article is read in the asked language (else its default), its body is split into passages
 * ({@link PassageSplitter}) and every passage gets a confidence ({@link PassageConfidence}); at most two passages of
 * one article are returned.
 */
@Service
@Transactional(readOnly = true)
class PublishedPassages implements KnowledgePassages {

    static final int CANDIDATES = 20;
    static final int PER_ARTICLE = 2;

    private final KnowledgeSearch search;
    private final Articles articles;
    private final ArticleStats stats;
    private final EntityManagerFactory entityManagerFactory;
    private volatile PassageConfidence confidence;

    PublishedPassages(KnowledgeSearch search, Articles articles, ArticleStats stats, EntityManagerFactory entityManagerFactory) {
        this.search = search;
        this.articles = articles;
        this.stats = stats;
        this.entityManagerFactory = entityManagerFactory;
    }

    @Override
    public List<Passage> find(String question, Locale language, int limit) {
        if (question == null || limit <= 0) {
            return List.of();
        }
        String text = SearchText.clean(question);
        if (text.isEmpty()) {
            return List.of();
        }
        PassageConfidence scorer = scorer();
        Set<String> asked = scorer.terms(text);
        ArticleLanguage wanted = ArticleLanguage.closest(language).orElse(null);
        Map<Long, Article> candidates = new LinkedHashMap<>();
        for (ArticleVariant v : search.best(new ArticleQuery(text, null, ArticleState.PUBLISHED, null, null, false, true), CANDIDATES)) {
            candidates.putIfAbsent(v.getArticle().getId(), v.getArticle());
        }
        articles.loadVariants(candidates.values());
        List<Passage> out = new ArrayList<>();
        for (Article article : candidates.values()) {
            if (!article.isPublic()) {
                continue;
            }
            ArticleVariant variant = article.variantFor(wanted).orElse(null);
            if (variant == null) {
                continue;
            }
            PassageConfidence.Article whole = scorer.article(variant.getTitle(), variant.getQuestions());
            List<Scored> own = new ArrayList<>();
            for (PassageSplitter.Piece piece : PassageSplitter.split(variant.getBody())) {
                Set<String> terms = scorer.terms((piece.heading() == null ? "" : piece.heading() + "\n") + piece.text());
                own.add(new Scored(new Passage(article.getId(), variant.getTitle(), variant.helpPath(), piece.text(),
                        variant.getLanguage().locale(), scorer.confidence(asked, whole, terms)),
                        PassageConfidence.share(asked, terms)));
            }
            own.sort(Comparator.comparingDouble((Scored s) -> s.passage().confidence()).thenComparingDouble(Scored::share).reversed());
            own.stream().limit(PER_ARTICLE).map(Scored::passage).forEach(out::add);
        }
        // stable: equal confidences keep the search ranking
        out.sort(Comparator.comparingDouble(Passage::confidence).reversed());
        return List.copyOf(out.subList(0, Math.min(limit, out.size())));
    }

    @Override
    @Transactional
    public void recordFeedback(long articleId, boolean helped, String source) {
        stats.feedback(articleId, helped, source);
    }

    private record Scored(Passage passage, double share) {
    }

    PassageConfidence scorer() {
        PassageConfidence c = confidence;
        if (c == null) {
            Analyzer analyzer = Search.mapping(entityManagerFactory).backend().unwrap(LuceneBackend.class)
                    .analyzer(KefuAnalysisConfigurer.TEXT).orElseThrow();
            c = new PassageConfidence(text -> analyse(analyzer, text));
            confidence = c;
        }
        return c;
    }

    static List<String> analyse(Analyzer analyzer, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                out.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
