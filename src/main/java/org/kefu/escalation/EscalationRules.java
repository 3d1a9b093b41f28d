package org.kefu.escalation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.kefu.platform.reference.ReferenceCache;
import org.kefu.platform.reference.ReferenceData;
import org.kefu.platform.Channel;
import org.kefu.ticket.Priority;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Table escalation_rule and the once-only firing log escalation_log. The active rules are cached on each node
 * (escalation.rules) for the triggers that events fire; sweeps read the table ({@link #active}) because they keep
 * {@code swept_until}, which is not configuration and does not change the version.
 */
@Repository
class EscalationRules {

    private static final String COLUMNS = """
            id, name, active, trigger_type, threshold, min_priority, cond_priority, cond_channel, cond_department_id,
            cond_team_id, cond_tier, notify_assignee, notify_team, notify_supervisors, notify_agent_id, notify_email,
            raise_priority, reassign_team_id, reassign_supervisor, add_tag, swept_until, created_at, updated_at, version""";

    private final JdbcClient jdbc;
    private final ReferenceCache<List<EscalationRule>> activeRules;

    EscalationRules(JdbcClient jdbc, ReferenceData references) {
        this.jdbc = jdbc;
        this.activeRules = references.cache("escalation.rules", () -> List.copyOf(
                jdbc.sql("select " + COLUMNS + " from escalation_rule where active = true order by id")
                        .query(EscalationRules::map).list()));
    }

    List<EscalationRule> all() {
        return jdbc.sql("select " + COLUMNS + " from escalation_rule order by id").query(EscalationRules::map).list();
    }

    List<EscalationRule> active(EscalationTrigger trigger) {
        return jdbc.sql("select " + COLUMNS + " from escalation_rule where trigger_type = ? and active = true order by id")
                .param(trigger.name()).query(EscalationRules::map).list();
    }

    /** The active rules of a trigger as configured, from this node's cache (their swept_until may be old). */
    List<EscalationRule> configured(EscalationTrigger trigger) {
        return activeRules.get().stream().filter(r -> r.trigger() == trigger).toList();
    }

    Optional<EscalationRule> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from escalation_rule where id = ?").param(id).query(EscalationRules::map).optional();
    }

    Optional<EscalationRule> lock(long id) {
        return jdbc.sql("select " + COLUMNS + " from escalation_rule where id = ? for update").param(id)
                .query(EscalationRules::map).optional();
    }

    long insert(EscalationRuleInput.Valid v, Instant now) {
        long id = jdbc.sql("select nextval('escalation_rule_seq')").query(Long.class).single();
        jdbc.sql("insert into escalation_rule (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null, ?, ?, 0)")
                .params(values(id, v, now, true)).update();
        activeRules.changed();
        return id;
    }

    /** Replaces a rule if its version is still {@code version}; returns whether it did. */
    boolean update(long id, EscalationRuleInput.Valid v, long version, Instant now) {
        EscalationRule.Conditions c = v.conditions();
        EscalationRule.Actions a = v.actions();
        boolean updated = jdbc.sql("""
                        update escalation_rule set name = ?, active = ?, trigger_type = ?, threshold = ?, min_priority = ?,
                            cond_priority = ?, cond_channel = ?, cond_department_id = ?, cond_team_id = ?, cond_tier = ?,
                            notify_assignee = ?, notify_team = ?, notify_supervisors = ?, notify_agent_id = ?, notify_email = ?,
                            raise_priority = ?, reassign_team_id = ?, reassign_supervisor = ?, add_tag = ?, updated_at = ?,
                            version = version + 1
                        where id = ? and version = ?""")
                .params(v.name(), v.active(), v.trigger().name(), v.threshold(), name(v.minPriority()), name(c.priority()),
                        name(c.channel()), c.departmentId(), c.teamId(), c.tier(), a.notifyAssignee(), a.notifyTeam(),
                        a.notifySupervisors(), a.notifyAgentId(), a.notifyEmail(), a.raisePriority(), a.reassignTeamId(),
                        a.reassignSupervisor(), a.addTag(), Timestamp.from(now), id, version)
                .update() == 1;
        if (updated) {
            activeRules.changed();
        }
        return updated;
    }

    void delete(long id) {
        jdbc.sql("delete from escalation_log where rule_id = ?").param(id).update();
        jdbc.sql("delete from escalation_rule where id = ?").param(id).update();
        activeRules.changed();
    }

    void sweptUntil(long id, Instant until) {
        jdbc.sql("update escalation_rule set swept_until = ? where id = ?").params(Timestamp.from(until), id).update();
    }

    /** Records a firing; throws DuplicateKeyException when this rule already fired for this occurrence. */
    void logFiring(long ruleId, long ticketId, EscalationTrigger trigger, String occurrence, Instant now) {
        long id = jdbc.sql("select nextval('escalation_log_seq')").query(Long.class).single();
        jdbc.sql("insert into escalation_log (id, rule_id, ticket_id, trigger_type, occurrence, fired_at) values (?, ?, ?, ?, ?, ?)")
                .params(id, ruleId, ticketId, trigger.name(), occurrence, Timestamp.from(now)).update();
    }

    boolean fired(long ruleId, long ticketId, String occurrence) {
        return jdbc.sql("select count(*) from escalation_log where rule_id = ? and ticket_id = ? and occurrence = ?")
                .params(ruleId, ticketId, occurrence).query(Long.class).single() > 0;
    }

    List<EscalationFiring> firingsOf(long ticketId) {
        return jdbc.sql("""
                        select l.id, l.rule_id, r.name, l.ticket_id, l.trigger_type, l.occurrence, l.fired_at
                        from escalation_log l join escalation_rule r on r.id = l.rule_id
                        where l.ticket_id = ? order by l.id""")
                .param(ticketId)
                .query((rs, n) -> new EscalationFiring(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4),
                        EscalationTrigger.valueOf(rs.getString(5)), rs.getString(6), NotificationStore.instant(rs, "fired_at")))
                .list();
    }

    private static Object[] values(long id, EscalationRuleInput.Valid v, Instant now, boolean insert) {
        EscalationRule.Conditions c = v.conditions();
        EscalationRule.Actions a = v.actions();
        return new Object[] {id, v.name(), v.active(), v.trigger().name(), v.threshold(), name(v.minPriority()),
                name(c.priority()), name(c.channel()), c.departmentId(), c.teamId(), c.tier(), a.notifyAssignee(),
                a.notifyTeam(), a.notifySupervisors(), a.notifyAgentId(), a.notifyEmail(), a.raisePriority(),
                a.reassignTeamId(), a.reassignSupervisor(), a.addTag(), Timestamp.from(now), Timestamp.from(now)};
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    private static Long longOrNull(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static EscalationRule map(ResultSet rs, int n) throws SQLException {
        int threshold = rs.getInt("threshold");
        Integer th = rs.wasNull() ? null : threshold;
        String min = rs.getString("min_priority");
        String prio = rs.getString("cond_priority");
        String channel = rs.getString("cond_channel");
        return new EscalationRule(rs.getLong("id"), rs.getString("name"), rs.getBoolean("active"),
                EscalationTrigger.valueOf(rs.getString("trigger_type")), th, min == null ? null : Priority.valueOf(min),
                new EscalationRule.Conditions(prio == null ? null : Priority.valueOf(prio),
                        channel == null ? null : Channel.valueOf(channel), longOrNull(rs, "cond_department_id"),
                        longOrNull(rs, "cond_team_id"), rs.getString("cond_tier")),
                new EscalationRule.Actions(rs.getBoolean("notify_assignee"), rs.getBoolean("notify_team"),
                        rs.getBoolean("notify_supervisors"), longOrNull(rs, "notify_agent_id"), rs.getBoolean("notify_email"),
                        rs.getString("raise_priority"), longOrNull(rs, "reassign_team_id"), rs.getBoolean("reassign_supervisor"),
                        rs.getString("add_tag")),
                NotificationStore.instant(rs, "swept_until"), NotificationStore.instant(rs, "created_at"),
                NotificationStore.instant(rs, "updated_at"), rs.getLong("version"));
    }
}
