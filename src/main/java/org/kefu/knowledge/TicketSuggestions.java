package org.kefu.knowledge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.kefu.platform.Actor;
import org.kefu.ticket.Ticket;
import org.kefu.ticket.TicketWork;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The articles most relevant to a ticket, for the agent's side panel: published articles (internal ones too),
 * found with the ticket's subject and the customer's latest message, each read in the customer's language when the
 * article has it.
 */
@Service
@Transactional(readOnly = true)
public class TicketSuggestions {

    static final int MESSAGE_CHARS = 300;
    static final int CANDIDATES = 15;

    private final TicketWork tickets;
    private final KnowledgeSearch search;
    private final Articles articles;
    private final JdbcClient jdbc;

    TicketSuggestions(TicketWork tickets, KnowledgeSearch search, Articles articles, JdbcClient jdbc) {
        this.tickets = tickets;
        this.search = search;
        this.articles = articles;
        this.jdbc = jdbc;
    }

    /** A suggested article in the language chosen for the customer. */
    public record Suggestion(Article article, ArticleVariant variant) {
    }

    /** Suggestions for the ticket (404 for a ticket the actor may not see); {@code q}, when given, replaces the automatic query. */
    public List<Suggestion> forTicket(long ticketId, String q, int limit, Actor actor) {
        Ticket ticket = tickets.get(ticketId, actor);
        String text = q != null && !q.isBlank() ? q : ticket.getSubject() + "\n" + latestCustomerMessage(ticketId);
        ArticleLanguage language = languageOf(ticket).orElse(null);
        Map<Long, Article> found = new LinkedHashMap<>();
        for (ArticleVariant v : search.best(ArticleQuery.forAgents(text), CANDIDATES)) {
            found.putIfAbsent(v.getArticle().getId(), v.getArticle());
            if (found.size() >= limit) {
                break;
            }
        }
        articles.loadVariants(found.values());
        List<Suggestion> out = new ArrayList<>();
        for (Article a : found.values()) {
            a.variantFor(language).ifPresent(v -> out.add(new Suggestion(a, v)));
        }
        return out;
    }

    static java.util.Optional<ArticleLanguage> languageOf(Ticket ticket) {
        String preferred = ticket.getCustomer().getPreferredLanguage();
        if (preferred == null || preferred.isBlank()) {
            return java.util.Optional.empty();
        }
        return ArticleLanguage.ofTag(preferred).or(() -> ArticleLanguage.closest(Locale.forLanguageTag(preferred.replace('_', '-'))));
    }

    /** Read from the timeline directly (read-only): the ticket module offers no access-free way to one message. */
    private String latestCustomerMessage(long ticketId) {
        String body = jdbc.sql("""
                select body from timeline_entry where ticket_id = ? and kind = 'CUSTOMER_MESSAGE'
                order by id desc fetch first 1 rows only""").param(ticketId).query(String.class).optional().orElse("");
        return body == null ? "" : body.length() > MESSAGE_CHARS ? body.substring(0, MESSAGE_CHARS) : body;
    }
}
