package org.kefu.insight.classify;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.kefu.platform.Cursor;
import org.kefu.platform.InvalidRequestException;
import org.kefu.platform.InvalidRequestException.FieldProblem;
import org.kefu.platform.NotFoundException;
import org.kefu.platform.Slice;
import org.kefu.ticket.ComplaintType;
import org.kefu.ticket.TicketSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The admins' keyword rules. Every change raises the rules version, which every node's classifier polls, so a new
 * rule applies everywhere within the reload interval. The shipped default rules are written once, on the first start.
 */
@Service
@Transactional
public class ClassificationRules {

    /** More rules than this would only slow the create path; the trie scan does not care, but the page would. */
    static final int MAX_RULES = 2000;
    static final String SORT = "id";

    private static final Logger log = LoggerFactory.getLogger(ClassificationRules.class);

    private final JdbcClient jdbc;
    private final TicketSettings ticketSettings;
    private final ClassificationTopics topics;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ClassificationRules(JdbcClient jdbc, TicketSettings ticketSettings, ClassificationTopics topics, Clock clock,
            ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.ticketSettings = ticketSettings;
        this.topics = topics;
        this.clock = clock;
    }

    /** Writes the default rules if no node has done so yet (the state row's flag makes this once per database). */
    @EventListener(ApplicationReadyEvent.class)
    public void loadDefaultsOnce() {
        int won = jdbc.sql("update classification_state set defaults_loaded = true where id = 1 and defaults_loaded = false").update();
        if (won == 0) {
            return;
        }
        for (ClassificationRule rule : DefaultRules.rules()) {
            insert(rule.name(), rule.keywords(), rule.complaintType(), rule.topic(), rule.weight(), rule.negatable(), true);
        }
        bump();
        log.info("Loaded {} default classification rules", DefaultRules.rules().size());
    }

    @Transactional(readOnly = true)
    public Slice<ClassificationRule> page(String cursor, int limit) {
        long after = cursor == null ? 0 : Cursor.decode(cursor, SORT).id();
        List<ClassificationRule> rows = jdbc.sql("select * from classification_rule where id > ? order by id fetch first "
                + (limit + 1) + " rows only").param(after).query(ClassificationRules::row).list();
        return Slice.fromOverfetch(rows, limit, r -> new Cursor(SORT, Long.toString(r.id()), r.id()));
    }

    /** All rules, for the classifier and the admin page (bounded by {@link #MAX_RULES}). */
    @Transactional(readOnly = true)
    public List<ClassificationRule> all() {
        return jdbc.sql("select * from classification_rule order by id fetch first " + MAX_RULES + " rows only")
                .query(ClassificationRules::row).list();
    }

    @Transactional(readOnly = true)
    public ClassificationRule get(long id) {
        return jdbc.sql("select * from classification_rule where id = ?").param(id).query(ClassificationRules::row)
                .optional().orElseThrow(() -> new NotFoundException("Classification rule", id));
    }

    public ClassificationRule create(RuleDraft draft) {
        Valid v = validate(draft, null);
        if (jdbc.sql("select count(*) from classification_rule").query(Long.class).single() >= MAX_RULES) {
            throw InvalidRequestException.of("name", "at most " + MAX_RULES + " rules");
        }
        long id = insert(v.name, v.keywords, v.type, v.topic, v.weight, v.negatable, v.active);
        bump();
        return get(id);
    }

    public ClassificationRule update(long id, RuleDraft draft) {
        ClassificationRule current = get(id);
        Valid v = validate(draft, current);
        jdbc.sql("""
                update classification_rule set name = ?, keywords = ?, complaint_type = ?, topic = ?, weight = ?,
                  negatable = ?, active = ?, updated_at = ? where id = ?""")
                .params(v.name, String.join("\n", v.keywords), v.type, v.topic, v.weight, v.negatable, v.active,
                        Timestamp.from(clock.instant()), id).update();
        bump();
        return get(id);
    }

    public void delete(long id) {
        get(id);
        jdbc.sql("delete from classification_rule where id = ?").param(id).update();
        bump();
    }

    /** The rules version every node compares with its own. */
    @Transactional(readOnly = true)
    public long version() {
        return jdbc.sql("select rules_version from classification_state where id = 1").query(Long.class).single();
    }

    private void bump() {
        jdbc.sql("update classification_state set rules_version = rules_version + 1 where id = 1").update();
        events.publishEvent(new ClassifierState.Changed());
    }

    private long insert(String name, List<String> keywords, String type, String topic, double weight, boolean negatable,
            boolean active) {
        long id = jdbc.sql("select nextval('classification_rule_seq')").query(Long.class).single();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                insert into classification_rule (id, name, keywords, complaint_type, topic, weight, negatable, active,
                  created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, name, String.join("\n", keywords), type, topic, weight, negatable, active, now, now).update();
        return id;
    }

    private record Valid(String name, List<String> keywords, String type, String topic, double weight, boolean negatable,
            boolean active) {
    }

    private Valid validate(RuleDraft draft, ClassificationRule current) {
        List<FieldProblem> problems = new ArrayList<>();
        String name = draft.name() == null ? "" : draft.name().strip();
        if (name.isEmpty() || name.length() > 100) {
            problems.add(new FieldProblem("name", "give the rule a name of 1-100 characters"));
        }
        Set<String> keywords = new LinkedHashSet<>();
        for (String k : draft.keywords() == null ? List.<String>of() : draft.keywords()) {
            String keyword = k == null ? "" : k.strip().replaceAll("\\s+", " ");
            if (keyword.length() > 60) {
                problems.add(new FieldProblem("keywords", "a keyword has at most 60 characters: " + keyword.substring(0, 20) + "…"));
            } else if (!keyword.isEmpty()) {
                keywords.add(keyword);
            }
        }
        if (keywords.isEmpty() || keywords.size() > 100) {
            problems.add(new FieldProblem("keywords", "give 1-100 keywords or phrases"));
        }
        String type = blankToNull(draft.complaintType());
        String topic = blankToNull(draft.topic());
        if (type == null && topic == null) {
            problems.add(new FieldProblem("complaintType", "a rule needs a complaint type, a topic or both"));
        }
        if (type != null && ticketSettings.complaintTypes().stream().map(ComplaintType::getCode).noneMatch(type::equals)) {
            problems.add(new FieldProblem("complaintType", "'" + type + "' is not a complaint type; known: "
                    + ticketSettings.complaintTypes().stream().map(ComplaintType::getCode).toList()));
        }
        if (topic != null && topics.byCode(topic).isEmpty()) {
            problems.add(new FieldProblem("topic", "'" + topic + "' is not a topic; known: "
                    + topics.all().stream().map(Topic::code).toList()));
        }
        double weight = draft.weight() != null ? draft.weight() : current != null ? current.weight() : 1.0;
        if (!(weight > 0 && weight <= 10)) {
            problems.add(new FieldProblem("weight", "must be more than 0 and at most 10"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        boolean negatable = draft.negatable() != null ? draft.negatable() : current == null || current.negatable();
        boolean active = draft.active() != null ? draft.active() : current == null || current.active();
        return new Valid(name, List.copyOf(keywords), type, topic, weight, negatable, active);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static ClassificationRule row(ResultSet rs, int n) throws SQLException {
        return new ClassificationRule(rs.getLong("id"), rs.getString("name"),
                Arrays.asList(rs.getString("keywords").split("\n")), rs.getString("complaint_type"), rs.getString("topic"),
                rs.getDouble("weight"), rs.getBoolean("negatable"), rs.getBoolean("active"));
    }
}
