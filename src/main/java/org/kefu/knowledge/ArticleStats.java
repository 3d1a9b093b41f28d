package org.kefu.knowledge;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.kefu.platform.Actor;
import org.kefu.platform.InvalidRequestException;
import org.kefu.platform.NotFoundException;
import org.kefu.ticket.TicketEvents;
import org.kefu.ticket.TicketStatus;
import org.kefu.ticket.TicketWork;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts what the articles did: views, ratings, use in replies, resolved tickets they helped (once per ticket and
 * article) and tickets avoided. Counters live in {@code kb_article_stats} (one row per article) so reading them is
 * one lookup; the rows behind them (ratings, usages, deflections) keep the detail and the once-only rules.
 */
@Service
@Transactional
public class ArticleStats {

    public enum Usage { LINK, TEXT }

    private final JdbcClient jdbc;
    private final TicketWork tickets;
    private final Clock clock;

    ArticleStats(JdbcClient jdbc, TicketWork tickets, Clock clock) {
        this.jdbc = jdbc;
        this.tickets = tickets;
        this.clock = clock;
    }

    public void recordView(long articleId) {
        bump(articleId, "views");
    }

    /** A help-centre visitor's verdict; only the first vote of a visitor (session) on an article counts. */
    public boolean rate(long articleId, String voter, boolean helpful) {
        int inserted = jdbc.sql("insert into kb_rating (article_id, voter, helpful, created_at) values (?, ?, ?, ?) on conflict do nothing")
                .params(articleId, voter, helpful, now()).update();
        if (inserted == 1) {
            bump(articleId, helpful ? "helpful" : "not_helpful");
        }
        return inserted == 1;
    }

    /** A verdict from another part of the desk (bot, portal); {@code source} is a short lower-case word. */
    public void feedback(long articleId, boolean helped, String source) {
        String s = source == null ? "" : source.strip().toLowerCase(Locale.ROOT);
        if (s.isEmpty() || s.length() > 30) {
            throw InvalidRequestException.of("source", "must be 1 to 30 characters");
        }
        requireArticle(articleId);
        jdbc.sql("insert into kb_feedback (id, article_id, helped, source, created_at) values (nextval('kb_feedback_seq'), ?, ?, ?, ?)")
                .params(articleId, helped, s, now()).update();
        bump(articleId, helped ? "helpful" : "not_helpful");
    }

    /** An agent put the article into a reply on a ticket they may see. */
    public void recordUsage(long ticketId, long articleId, Usage how, Actor actor) {
        tickets.get(ticketId, actor);
        requireArticle(articleId);
        jdbc.sql("insert into kb_usage (id, ticket_id, article_id, how, agent_id, created_at) values (nextval('kb_usage_seq'), ?, ?, ?, ?, ?)")
                .params(ticketId, articleId, how.name(), actor.id(), now()).update();
    }

    /** A customer said the article solved their problem and did not submit a ticket. */
    public void recordDeflection(long articleId) {
        requireArticle(articleId);
        jdbc.sql("insert into kb_deflection (id, article_id, created_at) values (nextval('kb_deflection_seq'), ?, ?)")
                .params(articleId, now()).update();
        bump(articleId, "deflections");
    }

    /** When a ticket is resolved, the articles used on it count as having helped, once per ticket. */
    @EventListener
    void resolved(TicketEvents.TicketStatusChanged e) {
        if (e.to() != TicketStatus.RESOLVED) {
            return;
        }
        List<Long> used = jdbc.sql("""
                select distinct u.article_id from kb_usage u where u.ticket_id = ?
                and not exists (select 1 from kb_ticket_helped h where h.ticket_id = u.ticket_id and h.article_id = u.article_id)""")
                .param(e.ticketId()).query(Long.class).list();
        for (long articleId : used) {
            int inserted = jdbc.sql("insert into kb_ticket_helped (ticket_id, article_id, created_at) values (?, ?, ?) on conflict do nothing")
                    .params(e.ticketId(), articleId, now()).update();
            if (inserted == 1) {
                bump(articleId, "used_resolved");
            }
        }
    }

    @Transactional(readOnly = true)
    public ArticleCounts of(long articleId) {
        return jdbc.sql("select views, helpful, not_helpful, used_resolved, deflections from kb_article_stats where article_id = ?")
                .param(articleId).query((rs, n) -> new ArticleCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5))).optional().orElse(ArticleCounts.NONE);
    }

    /** The counters of many articles in one query. */
    @Transactional(readOnly = true)
    public Map<Long, ArticleCounts> of(Collection<Long> articleIds) {
        Map<Long, ArticleCounts> out = new HashMap<>();
        if (articleIds.isEmpty()) {
            return out;
        }
        jdbc.sql("select article_id, views, helpful, not_helpful, used_resolved, deflections from kb_article_stats where article_id in (:ids)")
                .param("ids", articleIds).query((rs, n) -> out.put(rs.getLong(1),
                        new ArticleCounts(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)))).list();
        return out;
    }

    private void bump(long articleId, String column) {
        // column names come from this class only
        int updated = jdbc.sql("update kb_article_stats set " + column + " = " + column + " + 1 where article_id = ?")
                .param(articleId).update();
        if (updated == 0) {
            throw new NotFoundException("Article", articleId);
        }
    }

    private void requireArticle(long articleId) {
        if (!jdbc.sql("select exists (select 1 from kb_article where id = ?)").param(articleId).query(Boolean.class).single()) {
            throw new NotFoundException("Article", articleId);
        }
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}
