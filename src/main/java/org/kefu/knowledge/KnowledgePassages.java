package org.kefu.knowledge;

import java.util.List;
import java.util.Locale;

/**
 * Retrieval over the published, public knowledge base for answering customers (the self-service bot, the
 * portal's deflection). Only published, non-internal articles are ever returned.
 */
public interface KnowledgePassages {

    /**
     * The best matching passages for a customer's question, best first, at most {@code limit}; the article variant in
     * {@code language} when one exists, else the article's default language. Empty when nothing matches.
     */
    List<Passage> find(String question, Locale language, int limit);

    /** Records the customer's verdict on an answer taken from this article ({@code source}: "bot", "portal", ...). */
    void recordFeedback(long articleId, boolean helped, String source);

    /**
     * A passage of one article. {@code confidence} is in [0, 1]: how well the passage answers the question
     * (1 = the question is essentially the article's title or one of its listed questions; callers treat below
     * about 0.5 as "no good answer"). {@code path} is the public help-centre path, e.g. {@code /help/zh-CN/12-refund-policy}.
     */
    record Passage(long articleId, String title, String path, String text, Locale language, double confidence) {
        public Passage {
            if (confidence < 0 || confidence > 1) {
                throw new IllegalArgumentException("confidence must be within [0, 1]: " + confidence);
            }
        }
    }
}
