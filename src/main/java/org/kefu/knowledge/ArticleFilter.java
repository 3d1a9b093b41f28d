package org.kefu.knowledge;

/** Filters of the agents' article list; null means any. */
public record ArticleFilter(ArticleState state, Long categoryId, Boolean internal, String tag) {

    public static final ArticleFilter ANY = new ArticleFilter(null, null, null, null);
}
