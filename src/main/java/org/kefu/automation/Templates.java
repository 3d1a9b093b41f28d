package org.kefu.automation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.kefu.platform.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stored reply templates (table reply_template) and their usage per agent (reply_template_usage). */
@Repository
class Templates {

    private static final String COLUMNS = """
            t.id, t.name, t.name_zh_tw, t.name_en, t.shortcut, t.category, t.scope, t.owner_id, t.team_id,
            t.department_id, t.body_zh_cn, t.body_zh_tw, t.body_en, t.usage_count, t.version""";

    private final JdbcClient jdbc;

    Templates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ReplyTemplate> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from reply_template t where t.id = ?").param(id).query(Templates::map).optional();
    }

    /**
     * The templates an agent may see, matching the filter, most used first (by this agent, then by
     * everyone), after a keyset position (total uses, id) when paging.
     */
    List<ReplyTemplate> visible(Actor actor, TemplateFilter filter, Long afterUses, Long afterId, int limit, boolean byMyUse) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from reply_template t");
        if (byMyUse) {
            sql.append(" left join reply_template_usage u on u.template_id = t.id and u.agent_id = :me");
        }
        sql.append(" where ").append(VisibleRows.clause("t", actor));
        Map<String, Object> params = new java.util.HashMap<>(VisibleRows.params(actor));
        if (filter.q() != null && !filter.q().isBlank()) {
            sql.append(" and (lower(t.name) like :q or lower(coalesce(t.name_zh_tw, '')) like :q"
                    + " or lower(coalesce(t.name_en, '')) like :q or lower(coalesce(t.shortcut, '')) like :q"
                    + " or lower(coalesce(t.category, '')) like :q)");
            params.put("q", "%" + like(filter.q().strip().toLowerCase(Locale.ROOT)) + "%");
        }
        if (Boolean.TRUE.equals(filter.mine())) {
            sql.append(" and t.scope = 'PERSONAL'");
        } else if (Boolean.FALSE.equals(filter.mine())) {
            sql.append(" and t.scope <> 'PERSONAL'");
        }
        if (filter.category() != null && !filter.category().isBlank()) {
            sql.append(" and t.category = :category");
            params.put("category", filter.category().strip());
        }
        if (filter.language() != null) {
            sql.append(" and t.").append(column(filter.language())).append(" is not null");
        }
        if (afterId != null) {
            sql.append(" and (t.usage_count < :afterUses or (t.usage_count = :afterUses and t.id < :afterId))");
            params.put("afterUses", afterUses);
            params.put("afterId", afterId);
        }
        sql.append(byMyUse ? " order by coalesce(u.uses, 0) desc, t.usage_count desc, t.id desc"
                : " order by t.usage_count desc, t.id desc");
        sql.append(" limit ").append(limit);
        return jdbc.sql(sql.toString()).params(params).query(Templates::map).list();
    }

    /** Shared templates of one category an agent may see, most used first: the suggestions for a purpose. */
    List<ReplyTemplate> ofCategory(Actor actor, String category, int limit) {
        return visible(actor, new TemplateFilter(null, null, category, null), null, null, limit, true);
    }

    Optional<ReplyTemplate> byShortcut(Actor actor, String shortcut) {
        Map<String, Object> params = new java.util.HashMap<>(VisibleRows.params(actor));
        params.put("shortcut", shortcut);
        return jdbc.sql("select " + COLUMNS + " from reply_template t where t.shortcut = :shortcut and "
                        + VisibleRows.clause("t", actor) + " order by case when t.scope = 'PERSONAL' then 0 else 1 end, t.id limit 1")
                .params(params).query(Templates::map).optional();
    }

    List<ReplyTemplate> byIds(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from reply_template t where t.id in (:ids)").param("ids", List.copyOf(ids))
                .query(Templates::map).list();
    }

    List<String> categories(Actor actor) {
        return jdbc.sql("select distinct t.category from reply_template t where t.category is not null and "
                        + VisibleRows.clause("t", actor) + " order by t.category")
                .params(VisibleRows.params(actor)).query(String.class).list();
    }

    long insert(TemplateInput in, Long ownerId, Instant now) {
        long id = jdbc.sql("select nextval('reply_template_seq')").query(Long.class).single();
        Map<TemplateLanguage, String> b = in.bodies();
        jdbc.sql("""
                        insert into reply_template (id, name, name_zh_tw, name_en, shortcut, category, scope, owner_id, team_id,
                            department_id, body_zh_cn, body_zh_tw, body_en, usage_count, version, created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?, ?)""")
                .params(id, in.name().strip(), TemplateInput.blankToNull(in.nameZhTw()), TemplateInput.blankToNull(in.nameEn()),
                        TemplateInput.blankToNull(in.shortcut()), TemplateInput.blankToNull(in.category()), in.scope().name(),
                        ownerId, in.scope() == TemplateScope.TEAM ? in.teamId() : null,
                        in.scope() == TemplateScope.DEPARTMENT ? in.departmentId() : null,
                        b.get(TemplateLanguage.ZH_CN), b.get(TemplateLanguage.ZH_TW), b.get(TemplateLanguage.EN),
                        Timestamp.from(now), Timestamp.from(now))
                .update();
        return id;
    }

    boolean update(long id, TemplateInput in, Long ownerId, long expectedVersion, Instant now) {
        Map<TemplateLanguage, String> b = in.bodies();
        return jdbc.sql("""
                        update reply_template set name = ?, name_zh_tw = ?, name_en = ?, shortcut = ?, category = ?, scope = ?,
                            owner_id = ?, team_id = ?, department_id = ?, body_zh_cn = ?, body_zh_tw = ?, body_en = ?,
                            version = version + 1, updated_at = ?
                        where id = ? and version = ?""")
                .params(in.name().strip(), TemplateInput.blankToNull(in.nameZhTw()), TemplateInput.blankToNull(in.nameEn()),
                        TemplateInput.blankToNull(in.shortcut()), TemplateInput.blankToNull(in.category()), in.scope().name(),
                        ownerId, in.scope() == TemplateScope.TEAM ? in.teamId() : null,
                        in.scope() == TemplateScope.DEPARTMENT ? in.departmentId() : null,
                        b.get(TemplateLanguage.ZH_CN), b.get(TemplateLanguage.ZH_TW), b.get(TemplateLanguage.EN),
                        Timestamp.from(now), id, expectedVersion)
                .update() == 1;
    }

    void delete(long id) {
        jdbc.sql("delete from reply_template where id = ?").param(id).update();
    }

    /** Counts one use by an agent: the template's total and the agent's own count. */
    void countUse(long id, long agentId, Instant now) {
        jdbc.sql("update reply_template set usage_count = usage_count + 1 where id = ?").param(id).update();
        int updated = jdbc.sql("update reply_template_usage set uses = uses + 1, last_used_at = ? where template_id = ? and agent_id = ?")
                .params(Timestamp.from(now), id, agentId).update();
        if (updated == 0) {
            jdbc.sql("insert into reply_template_usage (template_id, agent_id, uses, last_used_at) values (?, ?, 1, ?)")
                    .params(id, agentId, Timestamp.from(now)).update();
        }
    }

    long usesBy(long id, long agentId) {
        return jdbc.sql("select coalesce(sum(uses), 0) from reply_template_usage where template_id = ? and agent_id = ?")
                .params(id, agentId).query(Long.class).single();
    }

    static String column(TemplateLanguage language) {
        return switch (language) {
            case ZH_CN -> "body_zh_cn";
            case ZH_TW -> "body_zh_tw";
            case EN -> "body_en";
        };
    }

    static String like(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static ReplyTemplate map(ResultSet rs, int row) throws SQLException {
        Map<TemplateLanguage, String> bodies = new EnumMap<>(TemplateLanguage.class);
        bodies.put(TemplateLanguage.ZH_CN, rs.getString("body_zh_cn"));
        bodies.put(TemplateLanguage.ZH_TW, rs.getString("body_zh_tw"));
        bodies.put(TemplateLanguage.EN, rs.getString("body_en"));
        return new ReplyTemplate(rs.getLong("id"), rs.getString("name"), rs.getString("name_zh_tw"), rs.getString("name_en"),
                rs.getString("shortcut"), rs.getString("category"),
                new Sharing(TemplateScope.valueOf(rs.getString("scope")), nullableLong(rs, "owner_id"),
                        nullableLong(rs, "team_id"), nullableLong(rs, "department_id")),
                bodies, rs.getLong("usage_count"), rs.getLong("version"));
    }
}
