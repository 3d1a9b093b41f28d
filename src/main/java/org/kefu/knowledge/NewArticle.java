package org.kefu.knowledge;

import java.util.List;
import java.util.Objects;

/** What starting an article takes: where it belongs, who may see it, and its first variant. */
public record NewArticle(Long categoryId, boolean internal, ArticleLanguage language, List<String> tags, VariantText text) {

    public NewArticle {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(text, "text");
        tags = ArticleDetails.cleanTags(tags);
    }
}
