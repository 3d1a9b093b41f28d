package org.kefu.knowledge;

/**
 * How an article has been used: page views in the help centre, "helpful"/"not helpful" verdicts (help centre
 * ratings and feedback from the bot or portal), resolved tickets it was inserted into, and tickets avoided
 * (deflections) on the portal's new-ticket page.
 */
public record ArticleCounts(long views, long helpful, long notHelpful, long usedInResolved, long deflections) {

    public static final ArticleCounts NONE = new ArticleCounts(0, 0, 0, 0, 0);
}
