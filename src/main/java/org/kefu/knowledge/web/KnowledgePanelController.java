package org.kefu.knowledge.web;

import java.util.List;
import org.kefu.knowledge.ArticleStats;
import org.kefu.knowledge.MarkdownText;
import org.kefu.knowledge.TicketSuggestions;
import org.kefu.platform.Actor;
import org.kefu.platform.web.PublicUrl;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The ticket page's knowledge panel: suggested articles to insert into the reply as a link or as text. */
@Controller
class KnowledgePanelController {

    static final int SUGGESTIONS = 5;

    private final TicketSuggestions suggestions;
    private final ArticleStats stats;
    private final TransactionTemplate transactions;
    private final PublicUrl publicUrl;

    KnowledgePanelController(TicketSuggestions suggestions, ArticleStats stats, TransactionTemplate transactions,
            PublicUrl publicUrl) {
        this.suggestions = suggestions;
        this.stats = stats;
        this.transactions = transactions;
        this.publicUrl = publicUrl;
    }

    /** One suggestion as the panel shows it; {@code link} is null for internal articles (customers cannot open them). */
    record SuggestionView(long articleId, String title, String language, boolean internal, String summary, String link,
            String text) {
    }

    @GetMapping("/tickets/{id}/knowledge")
    String panel(@PathVariable long id, @RequestParam(required = false) String q, Actor actor, Model model) {
        String base = publicUrl.get();
        List<SuggestionView> views = transactions.execute(tx -> suggestions.forTicket(id, q, SUGGESTIONS, actor).stream()
                .map(s -> new SuggestionView(s.article().getId(), s.variant().getTitle(), s.variant().getLanguage().tag(),
                        s.article().isInternal(), MarkdownText.summary(s.variant().getBody(), 140),
                        s.article().isInternal() ? null : base + HelpCentreController.encodedPath(s.variant()),
                        s.variant().getTitle() + "\n\n" + MarkdownText.plain(s.variant().getBody())))
                .toList());
        model.addAttribute("ticketId", id);
        model.addAttribute("q", q);
        model.addAttribute("suggestions", views);
        return "knowledge/ticket-panel";
    }

    @PostMapping("/tickets/{id}/knowledge/usages")
    ResponseEntity<Void> used(@PathVariable long id, @RequestParam long articleId, @RequestParam ArticleStats.Usage how,
            Actor actor) {
        stats.recordUsage(id, articleId, how, actor);
        return ResponseEntity.noContent().build();
    }
}
