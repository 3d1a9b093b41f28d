package org.kefu.knowledge;

/** Where an article is in its life: only PUBLISHED articles are shown outside the knowledge base's editors. */
public enum ArticleState {
    DRAFT, PUBLISHED, ARCHIVED
}
