package org.kefu.automation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kefu.platform.Actor;
import org.kefu.ticket.Priority;
import org.kefu.ticket.TicketStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stored macros (table macro) and their usage per agent (macro_usage). */
@Repository
class Macros {

    private static final String COLUMNS = """
            m.id, m.name, m.name_zh_tw, m.name_en, m.scope, m.owner_id, m.team_id, m.department_id, m.template_id,
            m.reply_mode, m.set_status, m.set_priority, m.add_tags, m.remove_tags, m.assign_department_id,
            m.assign_team_id, m.assignee_id, m.assign_to_me, m.usage_count, m.version""";

    private final JdbcClient jdbc;

    Macros(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Macro> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from macro m where m.id = ?").param(id).query(Macros::map).optional();
    }

    /** Macros an agent may see, most used (by this agent, then by all) first; keyset after (total uses, id). */
    List<Macro> visible(Actor actor, String q, Long afterUses, Long afterId, int limit, boolean byMyUse) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from macro m");
        if (byMyUse) {
            sql.append(" left join macro_usage u on u.macro_id = m.id and u.agent_id = :me");
        }
        sql.append(" where ").append(VisibleRows.clause("m", actor));
        Map<String, Object> params = new java.util.HashMap<>(VisibleRows.params(actor));
        if (q != null && !q.isBlank()) {
            sql.append(" and (lower(m.name) like :q or lower(coalesce(m.name_zh_tw, '')) like :q or lower(coalesce(m.name_en, '')) like :q)");
            params.put("q", "%" + Templates.like(q.strip().toLowerCase(java.util.Locale.ROOT)) + "%");
        }
        if (afterId != null) {
            sql.append(" and (m.usage_count < :afterUses or (m.usage_count = :afterUses and m.id < :afterId))");
            params.put("afterUses", afterUses);
            params.put("afterId", afterId);
        }
        sql.append(byMyUse ? " order by coalesce(u.uses, 0) desc, m.usage_count desc, m.id desc"
                : " order by m.usage_count desc, m.id desc");
        sql.append(" limit ").append(limit);
        return jdbc.sql(sql.toString()).params(params).query(Macros::map).list();
    }

    long insert(MacroInput in, Long ownerId, Instant now) {
        long id = jdbc.sql("select nextval('macro_seq')").query(Long.class).single();
        jdbc.sql("""
                        insert into macro (id, name, name_zh_tw, name_en, scope, owner_id, team_id, department_id, template_id,
                            reply_mode, set_status, set_priority, add_tags, remove_tags, assign_department_id, assign_team_id,
                            assignee_id, assign_to_me, usage_count, version, created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?, ?)""")
                .params(id, in.name().strip(), TemplateInput.blankToNull(in.nameZhTw()), TemplateInput.blankToNull(in.nameEn()),
                        in.scope().name(), ownerId, in.scope() == TemplateScope.TEAM ? in.teamId() : null,
                        in.scope() == TemplateScope.DEPARTMENT ? in.departmentId() : null, in.templateId(),
                        in.replyMode().name(), name(in.setStatus()), name(in.setPriority()), lines(in.addTags()),
                        lines(in.removeTags()), in.assignDepartmentId(), in.assignTeamId(), in.assigneeId(), in.assignToMe(),
                        Timestamp.from(now), Timestamp.from(now))
                .update();
        return id;
    }

    boolean update(long id, MacroInput in, Long ownerId, long expectedVersion, Instant now) {
        return jdbc.sql("""
                        update macro set name = ?, name_zh_tw = ?, name_en = ?, scope = ?, owner_id = ?, team_id = ?,
                            department_id = ?, template_id = ?, reply_mode = ?, set_status = ?, set_priority = ?, add_tags = ?,
                            remove_tags = ?, assign_department_id = ?, assign_team_id = ?, assignee_id = ?, assign_to_me = ?,
                            version = version + 1, updated_at = ?
                        where id = ? and version = ?""")
                .params(in.name().strip(), TemplateInput.blankToNull(in.nameZhTw()), TemplateInput.blankToNull(in.nameEn()),
                        in.scope().name(), ownerId, in.scope() == TemplateScope.TEAM ? in.teamId() : null,
                        in.scope() == TemplateScope.DEPARTMENT ? in.departmentId() : null, in.templateId(),
                        in.replyMode().name(), name(in.setStatus()), name(in.setPriority()), lines(in.addTags()),
                        lines(in.removeTags()), in.assignDepartmentId(), in.assignTeamId(), in.assigneeId(), in.assignToMe(),
                        Timestamp.from(now), id, expectedVersion)
                .update() == 1;
    }

    void delete(long id) {
        jdbc.sql("delete from macro where id = ?").param(id).update();
    }

    void countUse(long id, long agentId, Instant now) {
        jdbc.sql("update macro set usage_count = usage_count + 1 where id = ?").param(id).update();
        int updated = jdbc.sql("update macro_usage set uses = uses + 1, last_used_at = ? where macro_id = ? and agent_id = ?")
                .params(Timestamp.from(now), id, agentId).update();
        if (updated == 0) {
            jdbc.sql("insert into macro_usage (macro_id, agent_id, uses, last_used_at) values (?, ?, 1, ?)")
                    .params(id, agentId, Timestamp.from(now)).update();
        }
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    private static String lines(List<String> tags) {
        return tags.isEmpty() ? null : String.join("\n", tags);
    }

    private static List<String> tags(String stored) {
        return stored == null || stored.isBlank() ? List.of() : Arrays.stream(stored.split("\n")).filter(s -> !s.isBlank()).toList();
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static Macro map(ResultSet rs, int row) throws SQLException {
        String status = rs.getString("set_status");
        String priority = rs.getString("set_priority");
        return new Macro(rs.getLong("id"), rs.getString("name"), rs.getString("name_zh_tw"), rs.getString("name_en"),
                new Sharing(TemplateScope.valueOf(rs.getString("scope")), nullableLong(rs, "owner_id"),
                        nullableLong(rs, "team_id"), nullableLong(rs, "department_id")),
                nullableLong(rs, "template_id"), MacroReplyMode.valueOf(rs.getString("reply_mode")),
                status == null ? null : TicketStatus.valueOf(status), priority == null ? null : Priority.valueOf(priority),
                tags(rs.getString("add_tags")), tags(rs.getString("remove_tags")), nullableLong(rs, "assign_department_id"),
                nullableLong(rs, "assign_team_id"), nullableLong(rs, "assignee_id"), rs.getBoolean("assign_to_me"),
                rs.getLong("usage_count"), rs.getLong("version"));
    }
}
