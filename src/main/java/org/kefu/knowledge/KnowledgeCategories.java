package org.kefu.knowledge;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.kefu.platform.Actor;
import org.kefu.platform.ConflictException;
import org.kefu.platform.InvalidRequestException;
import org.kefu.platform.NotFoundException;
import org.kefu.platform.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The categories of the knowledge base (two levels); admins change them, everyone reads them. */
@Service
@Transactional
public class KnowledgeCategories {

    static final int MAX_CATEGORIES = 500;

    private final JdbcClient jdbc;
    private final Clock clock;

    KnowledgeCategories(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Input for creating or renaming a category. */
    public record CategoryInput(Long parentId, String nameZhCn, String nameZhTw, String nameEn, Integer position) {
    }

    /** All categories, parents before their children, in their order (capped: a desk has tens, not thousands). */
    @Transactional(readOnly = true)
    public List<KnowledgeCategory> all() {
        return jdbc.sql("""
                select id, parent_id, name_zh_cn, name_zh_tw, name_en, position from kb_category
                order by coalesce(parent_id, id), case when parent_id is null then 0 else 1 end, position, id
                fetch first %d rows only""".formatted(MAX_CATEGORIES))
                .query((rs, n) -> new KnowledgeCategory(rs.getLong(1), (Long) rs.getObject(2, Long.class), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getInt(6))).list();
    }

    @Transactional(readOnly = true)
    public Optional<KnowledgeCategory> find(long id) {
        return all().stream().filter(c -> c.id() == id).findFirst();
    }

    public KnowledgeCategory get(long id) {
        return find(id).orElseThrow(() -> new NotFoundException("Category", id));
    }

    /** The category and its children, for filtering by a top-level category. */
    @Transactional(readOnly = true)
    public Set<Long> withChildren(long id) {
        List<Long> ids = new ArrayList<>(jdbc.sql("select id from kb_category where parent_id = ?").param(id)
                .query(Long.class).list());
        ids.add(id);
        return Set.copyOf(ids);
    }

    public KnowledgeCategory create(CategoryInput input, Actor actor) {
        actor.requireRole(Role.ADMIN);
        Names names = validate(input, null);
        long id = jdbc.sql("select nextval('kb_category_seq')").query(Long.class).single();
        jdbc.sql("""
                insert into kb_category (id, parent_id, name_zh_cn, name_zh_tw, name_en, position, created_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, input.parentId(), names.zhCn(), names.zhTw(), names.en(),
                        input.position() == null ? 0 : input.position(), Timestamp.from(clock.instant()))
                .update();
        return get(id);
    }

    public KnowledgeCategory update(long id, CategoryInput input, Actor actor) {
        actor.requireRole(Role.ADMIN);
        KnowledgeCategory existing = get(id);
        Names names = validate(input, id);
        if (input.parentId() != null && jdbc.sql("select count(*) from kb_category where parent_id = ?").param(id)
                .query(Long.class).single() > 0) {
            throw InvalidRequestException.of("parentId", "a category with sub-categories cannot become a sub-category");
        }
        jdbc.sql("update kb_category set parent_id = ?, name_zh_cn = ?, name_zh_tw = ?, name_en = ?, position = ? where id = ?")
                .params(input.parentId(), names.zhCn(), names.zhTw(), names.en(),
                        input.position() == null ? existing.position() : input.position(), id)
                .update();
        return get(id);
    }

    public void delete(long id, Actor actor) {
        actor.requireRole(Role.ADMIN);
        get(id);
        long children = jdbc.sql("select count(*) from kb_category where parent_id = ?").param(id).query(Long.class).single();
        boolean used = jdbc.sql("select exists (select 1 from kb_article where category_id = ?)").param(id)
                .query(Boolean.class).single();
        if (children > 0 || used) {
            throw new ConflictException("The category still has sub-categories or articles; move them first.");
        }
        jdbc.sql("delete from kb_category where id = ?").param(id).update();
    }

    private Names validate(CategoryInput input, Long self) {
        List<InvalidRequestException.FieldProblem> problems = new ArrayList<>();
        String zhCn = name(input.nameZhCn(), "nameZhCn", problems);
        String zhTw = input.nameZhTw() == null || input.nameZhTw().isBlank() ? zhCn : name(input.nameZhTw(), "nameZhTw", problems);
        String en = input.nameEn() == null || input.nameEn().isBlank() ? zhCn : name(input.nameEn(), "nameEn", problems);
        if (input.parentId() != null) {
            Optional<KnowledgeCategory> parent = find(input.parentId());
            if (parent.isEmpty()) {
                problems.add(new InvalidRequestException.FieldProblem("parentId", "no such category"));
            } else if (parent.get().parentId() != null) {
                problems.add(new InvalidRequestException.FieldProblem("parentId", "must be a top-level category (one level of nesting)"));
            } else if (self != null && self == parent.get().id()) {
                problems.add(new InvalidRequestException.FieldProblem("parentId", "cannot be the category itself"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return new Names(zhCn, zhTw, en);
    }

    private static String name(String value, String field, List<InvalidRequestException.FieldProblem> problems) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            problems.add(new InvalidRequestException.FieldProblem(field, "must not be blank"));
        } else if (v.length() > 200) {
            problems.add(new InvalidRequestException.FieldProblem(field, "must be at most 200 characters"));
        }
        return v;
    }

    private record Names(String zhCn, String zhTw, String en) {
    }
}
