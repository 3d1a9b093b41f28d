package org.kefu.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kefu.platform.Actor;
import org.kefu.platform.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fills an empty knowledge base with a few demo articles ({@code demo/knowledge.json}), after the desk's other demo
 * data; runs once: only while there is no article and {@code KEFU_DEMO} is not false.
 */
@Component
@Order(20)
class KnowledgeDemoData implements ApplicationRunner {

    static final Actor DEMO = new Actor(0, "Kefu", "kefu@localhost", Role.ADMIN, java.util.Set.of(), java.util.Set.of());

    private final boolean enabled;
    private final JdbcClient jdbc;
    private final Articles articles;
    private final KnowledgeCategories categories;
    private final TransactionTemplate transactions;

    KnowledgeDemoData(@Value("${kefu.demo.enabled:true}") boolean enabled, JdbcClient jdbc, Articles articles,
            KnowledgeCategories categories, TransactionTemplate transactions) {
        this.enabled = enabled;
        this.jdbc = jdbc;
        this.articles = articles;
        this.categories = categories;
        this.transactions = transactions;
    }

    record Dataset(List<Category> categories, List<Item> articles) {
    }

    record Category(String key, String parent, String zhCn, String zhTw, String en) {
    }

    record Variant(String title, String body, List<String> questions) {
    }

    record Item(String category, boolean internal, List<String> tags, Map<String, Variant> variants) {
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (!enabled || jdbc.sql("select exists (select 1 from kb_article)").query(Boolean.class).single()) {
            return;
        }
        Dataset data;
        try (InputStream in = getClass().getResourceAsStream("/demo/knowledge.json")) {
            data = JsonMapper.builder().build().readValue(in, Dataset.class);
        }
        transactions.executeWithoutResult(tx -> {
            Map<String, Long> ids = new HashMap<>();
            for (Category c : data.categories()) {
                ids.put(c.key(), categories.create(new KnowledgeCategories.CategoryInput(c.parent() == null ? null : ids.get(c.parent()),
                        c.zhCn(), c.zhTw(), c.en(), ids.size()), DEMO).id());
            }
            for (Item item : data.articles()) {
                Article article = null;
                for (var e : item.variants().entrySet()) {
                    ArticleLanguage language = ArticleLanguage.ofTag(e.getKey()).orElseThrow();
                    VariantText text = new VariantText(e.getValue().title(), null, e.getValue().body(), e.getValue().questions());
                    if (article == null) {
                        article = articles.create(new NewArticle(ids.get(item.category()), item.internal(), language, item.tags(), text), DEMO);
                    } else {
                        articles.saveVariant(article.getId(), language, text, DEMO);
                    }
                }
                articles.publish(article.getId(), DEMO);
            }
        });
    }
}
