package org.kefu.knowledge.web;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.kefu.knowledge.Article;
import org.kefu.knowledge.ArticleCounts;
import org.kefu.knowledge.ArticleVariant;
import org.kefu.knowledge.ArticleVersion;
import org.kefu.knowledge.KnowledgeCategory;
import org.kefu.knowledge.MarkdownText;

/** JSON shapes of the knowledge API. */
final class ArticleViews {

    private ArticleViews() {
    }

    record VariantView(long id, String language, String title, String slug, String body, String html, List<String> questions,
            int versionNo, Instant updatedAt, String helpPath) {

        static VariantView of(ArticleVariant v, boolean withBody) {
            return new VariantView(v.getId(), v.getLanguage().tag(), v.getTitle(), v.getSlug(), withBody ? v.getBody() : null,
                    withBody ? MarkdownText.html(v.getBody()) : null, v.getQuestions(), v.getVersionNo(), v.getUpdatedAt(),
                    v.helpPath());
        }
    }

    record ArticleView(long id, Long categoryId, String state, boolean internal, String defaultLanguage, List<String> tags,
            Instant createdAt, Instant updatedAt, Instant publishedAt, List<VariantView> variants, ArticleCounts stats) {

        static ArticleView of(Article a, boolean withBodies, ArticleCounts stats) {
            return new ArticleView(a.getId(), a.getCategoryId(), a.getState().name(), a.isInternal(), a.defaultLanguage().tag(),
                    a.getTags().stream().sorted().toList(), a.getCreatedAt(), a.getUpdatedAt(), a.getPublishedAt(),
                    a.getVariants().stream().sorted(Comparator.comparing(ArticleVariant::getLanguage))
                            .map(v -> VariantView.of(v, withBodies)).toList(), stats);
        }
    }

    record HitView(long articleId, String language, String title, String state, boolean internal, String helpPath,
            List<String> highlights) {
    }

    record VersionView(long id, int versionNo, String title, String slug, String body, List<String> questions, long authorId,
            String authorName, String note, Instant createdAt) {

        static VersionView of(ArticleVersion v, boolean withBody) {
            return new VersionView(v.id(), v.versionNo(), v.text().title(), v.text().slug(), withBody ? v.text().body() : null,
                    v.text().questions(), v.authorId(), v.authorName(), v.note(), v.createdAt());
        }
    }

    record CategoryView(long id, Long parentId, String nameZhCn, String nameZhTw, String nameEn, int position) {

        static CategoryView of(KnowledgeCategory c) {
            return new CategoryView(c.id(), c.parentId(), c.nameZhCn(), c.nameZhTw(), c.nameEn(), c.position());
        }
    }

    record Page<T>(List<T> items, String nextCursor) {
    }
}
