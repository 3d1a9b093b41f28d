package org.kefu.knowledge;

import java.util.Map;
import org.kefu.platform.search.IndexedChanges;
import org.springframework.stereotype.Component;

/** Article variants changed since a time: their own text, or their article's state, category or tags. */
@Component
class ArticleIndexedChanges implements IndexedChanges {

    @Override
    public Map<Class<?>, String> changedSince() {
        return Map.of(ArticleVariant.class, "(e.updatedAt >= :since or e.article.updatedAt >= :since)");
    }
}
