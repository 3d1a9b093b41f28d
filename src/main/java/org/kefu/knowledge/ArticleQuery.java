package org.kefu.knowledge;

/**
 * A full-text query over article variants. {@code publicOnly} limits it to what customers may see (published,
 * not internal) whatever {@code state} says; otherwise null state means any state.
 */
public record ArticleQuery(String q, ArticleLanguage language, ArticleState state, Long categoryId, String tag,
        Boolean internal, boolean publicOnly) {

    public static ArticleQuery forCustomers(String q, ArticleLanguage language) {
        return new ArticleQuery(q, language, ArticleState.PUBLISHED, null, null, false, true);
    }

    /** Published articles, internal ones included: what agents may send or follow. */
    public static ArticleQuery forAgents(String q) {
        return new ArticleQuery(q, null, ArticleState.PUBLISHED, null, null, null, false);
    }
}
