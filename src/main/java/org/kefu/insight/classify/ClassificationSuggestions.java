package org.kefu.insight.classify;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes and stores the suggestion of new tickets, several in one go: one read of their texts, one batched insert.
 * The workers call it with the tickets that came while they were busy, in one transaction for all of them
 * ({@link ClassificationWorkers}); a stored suggestion is kept ({@code on conflict do nothing}), so doing a ticket
 * again changes nothing.
 */
@Component
class ClassificationSuggestions {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ClassifierState state;
    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Clock clock;

    ClassificationSuggestions(ClassifierState state, JdbcClient jdbc, JdbcTemplate batch, Clock clock) {
        this.state = state;
        this.jdbc = jdbc;
        this.batch = batch;
        this.clock = clock;
    }

    /** Suggests for each ticket that exists and has text, in the caller's transaction. */
    void suggest(List<Long> ticketIds) {
        Map<Long, String> texts = texts(ticketIds);
        if (texts.isEmpty()) {
            return;
        }
        ClassifierState.Snapshot now = state.current();
        Timestamp at = Timestamp.from(clock.instant());
        List<Object[]> rows = new ArrayList<>(texts.size());
        texts.forEach((ticketId, text) -> {
            ClassificationSuggestion s = now.classifier().classify(text, Combination.Mode.COMBINED, now.types(), now.topics());
            rows.add(new Object[] {ticketId, s.complaintType(), s.typeConfidence(), s.topic(), s.topicConfidence(),
                    s.modelVersion(), hits(s.rules()), at});
        });
        batch.batchUpdate("""
                insert into ticket_classification (ticket_id, suggested_type, type_confidence, suggested_topic,
                  topic_confidence, model_version, rule_hits, suggested_at)
                values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""", rows);
    }

    /** The text a suggestion is made from: subject and first customer message, cut to {@link ClassifyText#MAX_CHARS}. */
    Optional<String> text(long ticketId) {
        return Optional.ofNullable(texts(List.of(ticketId)).get(ticketId));
    }

    private Map<Long, String> texts(List<Long> ticketIds) {
        Map<Long, String> texts = new LinkedHashMap<>();
        if (ticketIds.isEmpty()) {
            return texts;
        }
        jdbc.sql("""
                select t.id, t.subject, (select e.body from timeline_entry e where e.ticket_id = t.id and e.kind = 'CUSTOMER_MESSAGE'
                                   order by e.id fetch first 1 rows only)
                from ticket t where t.id in (:ids) order by t.id""").param("ids", List.copyOf(new LinkedHashSet<>(ticketIds)))
                .query(rs -> {
                    String subject = rs.getString(2);
                    String body = rs.getString(3);
                    String joined = (subject == null ? "" : subject) + "\n" + (body == null ? "" : body);
                    texts.put(rs.getLong(1), joined.length() > ClassifyText.MAX_CHARS ? joined.substring(0, ClassifyText.MAX_CHARS) : joined);
                });
        return texts;
    }

    /** The rule hits as {@code ticket_classification.rule_hits} keeps them: JSON, names and keywords cut to fit. */
    static String hits(List<ClassificationSuggestion.RuleHit> hits) {
        List<Map<String, Object>> out = new ArrayList<>();
        int length = 2;
        for (ClassificationSuggestion.RuleHit h : hits) {
            String name = h.name().length() > 40 ? h.name().substring(0, 40) : h.name();
            String keyword = h.keyword().length() > 40 ? h.keyword().substring(0, 40) : h.keyword();
            length += (name.length() + keyword.length()) * 2 + 90;
            if (length > 1900) {
                break;
            }
            out.add(Map.of("ruleId", h.ruleId(), "name", name, "keyword", keyword, "negated", h.negated(),
                    "weight", Math.round(h.weight() * 100) / 100.0));
        }
        return JSON.writeValueAsString(out);
    }

    /** The rule hits as {@link #hits(List)} stored them. */
    static List<ClassificationSuggestion.RuleHit> hits(String json) {
        List<ClassificationSuggestion.RuleHit> out = new ArrayList<>();
        for (Map<String, Object> h : JSON.readValue(json, new TypeReference<List<Map<String, Object>>>() { })) {
            out.add(new ClassificationSuggestion.RuleHit(((Number) h.get("ruleId")).longValue(), String.valueOf(h.get("name")),
                    String.valueOf(h.get("keyword")), Boolean.TRUE.equals(h.get("negated")), ((Number) h.get("weight")).doubleValue()));
        }
        return out;
    }
}
