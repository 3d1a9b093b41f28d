package org.kefu.knowledge;

import java.util.Locale;

/** A category of articles; a top-level category may have children, children have none. */
public record KnowledgeCategory(long id, Long parentId, String nameZhCn, String nameZhTw, String nameEn, int position) {

    public String name(Locale locale) {
        return switch (ArticleLanguage.closest(locale).orElse(ArticleLanguage.ZH_CN)) {
            case EN -> nameEn;
            case ZH_TW -> nameZhTw;
            case ZH_CN -> nameZhCn;
        };
    }

    public String name(ArticleLanguage language) {
        return name(language.locale());
    }
}
