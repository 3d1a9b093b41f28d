package org.kefu.bot.web;

import java.time.Instant;
import java.util.List;
import org.kefu.bot.BotTurn;

/**
 * A bot turn for the widget, the portal and the API. {@code order} places it among the chat's messages (the ticket
 * timeline entry id of the turn; 0 for a greeting before the first message). Texts are plain text.
 */
record TurnView(long id, long order, String outcome, String text, List<ArticleLink> articles, boolean askFeedback,
        Boolean helped, Double confidence, boolean phrased, Instant at) {

    record ArticleLink(long articleId, String title, String url) {
    }

    static TurnView of(BotTurn t, String publicUrl) {
        List<ArticleLink> links = t.articleId() == null ? List.of()
                : List.of(new ArticleLink(t.articleId(), t.articleTitle(), url(publicUrl, t.articlePath())));
        return new TurnView(t.id(), t.entryId() == null ? 0 : t.entryId(), t.outcome().name(), t.answer(), links,
                t.asksFeedback(), t.helped(), t.confidence(), t.phrased(), t.createdAt());
    }

    static String url(String publicUrl, String path) {
        if (path == null) {
            return null;
        }
        return path.startsWith("/") ? publicUrl + path : path;
    }
}
