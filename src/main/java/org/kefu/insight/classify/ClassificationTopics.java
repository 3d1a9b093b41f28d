package org.kefu.insight.classify;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.kefu.platform.ConflictException;
import org.kefu.platform.InvalidRequestException;
import org.kefu.platform.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The admin-edited topic list. Topics are deactivated, never deleted, so stored suggestions keep their meaning. */
@Service
@Transactional
public class ClassificationTopics {

    /** Topics are a short, admin-curated list; this bounds every read of it. */
    static final int MAX_TOPICS = 200;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ClassificationTopics(JdbcClient jdbc, Clock clock,
            ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Topic> all() {
        return jdbc.sql("select id, code, name_zh_cn, name_zh_tw, name_en, active, position from classification_topic "
                        + "order by position, id fetch first " + MAX_TOPICS + " rows only")
                .query((rs, n) -> new Topic(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getBoolean(6), rs.getInt(7))).list();
    }

    @Transactional(readOnly = true)
    public List<Topic> active() {
        return all().stream().filter(Topic::active).toList();
    }

    @Transactional(readOnly = true)
    public Optional<Topic> byCode(String code) {
        return all().stream().filter(t -> t.code().equals(code)).findFirst();
    }

    public Topic create(String code, String nameZhCn, String nameZhTw, String nameEn, Integer position) {
        String normalised = code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT);
        if (!normalised.matches("[A-Z][A-Z0-9_]{1,39}")) {
            throw InvalidRequestException.of("code", "use 2-40 capital letters, digits or _ starting with a letter, e.g. DELIVERY_DELAY");
        }
        if (byCode(normalised).isPresent()) {
            throw new ConflictException("A topic with the code " + normalised + " already exists.");
        }
        if (all().size() >= MAX_TOPICS) {
            throw InvalidRequestException.of("code", "at most " + MAX_TOPICS + " topics");
        }
        requireNames(nameZhCn, nameZhTw, nameEn);
        long id = jdbc.sql("select nextval('classification_topic_seq')").query(Long.class).single();
        int at = position != null ? position : all().stream().mapToInt(Topic::position).max().orElse(0) + 10;
        jdbc.sql("insert into classification_topic (id, code, name_zh_cn, name_zh_tw, name_en, active, position, created_at) "
                        + "values (?, ?, ?, ?, ?, true, ?, ?)")
                .params(id, normalised, nameZhCn.strip(), nameZhTw.strip(), nameEn.strip(), at,
                        java.sql.Timestamp.from(clock.instant())).update();
        events.publishEvent(new ClassifierState.Changed());
        return get(id);
    }

    /** Changes what is given (null keeps the current value). */
    public Topic change(long id, String nameZhCn, String nameZhTw, String nameEn, Integer position, Boolean active) {
        Topic topic = get(id);
        String zhCn = nameZhCn != null ? nameZhCn : topic.nameZhCn();
        String zhTw = nameZhTw != null ? nameZhTw : topic.nameZhTw();
        String en = nameEn != null ? nameEn : topic.nameEn();
        requireNames(zhCn, zhTw, en);
        jdbc.sql("update classification_topic set name_zh_cn = ?, name_zh_tw = ?, name_en = ?, position = ?, active = ? where id = ?")
                .params(zhCn.strip(), zhTw.strip(), en.strip(), position != null ? position : topic.position(),
                        active != null ? active : topic.active(), id).update();
        events.publishEvent(new ClassifierState.Changed());
        return get(id);
    }

    @Transactional(readOnly = true)
    public Topic get(long id) {
        return all().stream().filter(t -> t.id() == id).findFirst().orElseThrow(() -> new NotFoundException("Topic", id));
    }

    private static void requireNames(String zhCn, String zhTw, String en) {
        List<InvalidRequestException.FieldProblem> problems = new java.util.ArrayList<>();
        check(problems, "nameZhCn", zhCn);
        check(problems, "nameZhTw", zhTw);
        check(problems, "nameEn", en);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
    }

    private static void check(List<InvalidRequestException.FieldProblem> problems, String field, String value) {
        if (value == null || value.isBlank()) {
            problems.add(new InvalidRequestException.FieldProblem(field, "must not be blank"));
        } else if (value.strip().length() > 100) {
            problems.add(new InvalidRequestException.FieldProblem(field, "at most 100 characters"));
        }
    }
}
