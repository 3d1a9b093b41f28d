package org.kefu.routing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.kefu.platform.reference.ReferenceCache;
import org.kefu.platform.reference.ReferenceData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stored routing rules (table routing_rule), ordered by position; the ordered list is cached on each node (routing.rules). */
@Repository
class RoutingRules {

    private static final String COLUMNS = """
            id, name, position, active, channel, source, complaint_type, product, language, tier, department_id, team_id,
            version""";

    private final JdbcClient jdbc;
    private final ReferenceCache<List<RoutingRule>> ordered;

    RoutingRules(JdbcClient jdbc, ReferenceData references) {
        this.jdbc = jdbc;
        this.ordered = references.cache("routing.rules", () -> List.copyOf(
                jdbc.sql("select " + COLUMNS + " from routing_rule order by position, id").query(RoutingRules::map).list()));
    }

    List<RoutingRule> ordered() {
        return ordered.get();
    }

    boolean anyActive() {
        return ordered().stream().anyMatch(RoutingRule::active);
    }

    Optional<RoutingRule> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from routing_rule where id = ?").param(id).query(RoutingRules::map).optional();
    }

    boolean nameTaken(String name, Long exceptId) {
        return jdbc.sql("select count(*) from routing_rule where lower(name) = lower(?) and id <> ?")
                .param(name).param(exceptId == null ? -1L : exceptId).query(Long.class).single() > 0;
    }

    long insert(RoutingRule r, Instant now) {
        long id = jdbc.sql("select nextval('routing_rule_seq')").query(Long.class).single();
        RoutingRule.Conditions c = r.conditions();
        jdbc.sql("""
                        insert into routing_rule (id, name, position, active, channel, source, complaint_type, product,
                            language, tier, department_id, team_id, version, created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)""")
                .params(id, r.name(), r.position(), r.active(), c.channel(), c.source(), c.complaintType(), c.product(),
                        c.language(), c.tier(), r.departmentId(), r.teamId(), Timestamp.from(now), Timestamp.from(now))
                .update();
        ordered.changed();
        return id;
    }

    boolean update(long id, RoutingRule r, long expectedVersion, Instant now) {
        RoutingRule.Conditions c = r.conditions();
        boolean updated = jdbc.sql("""
                        update routing_rule set name = ?, position = ?, active = ?, channel = ?, source = ?,
                            complaint_type = ?, product = ?, language = ?, tier = ?, department_id = ?, team_id = ?,
                            version = version + 1, updated_at = ?
                        where id = ? and version = ?""")
                .params(r.name(), r.position(), r.active(), c.channel(), c.source(), c.complaintType(), c.product(),
                        c.language(), c.tier(), r.departmentId(), r.teamId(), Timestamp.from(now), id, expectedVersion)
                .update() == 1;
        if (updated) {
            ordered.changed();
        }
        return updated;
    }

    void delete(long id) {
        jdbc.sql("delete from routing_rule where id = ?").param(id).update();
        ordered.changed();
    }

    private static Long longOrNull(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static RoutingRule map(ResultSet rs, int row) throws SQLException {
        return new RoutingRule(rs.getLong("id"), rs.getString("name"), rs.getInt("position"), rs.getBoolean("active"),
                new RoutingRule.Conditions(rs.getString("channel"), rs.getString("source"), rs.getString("complaint_type"),
                        rs.getString("product"), rs.getString("language"), rs.getString("tier")),
                longOrNull(rs, "department_id"), longOrNull(rs, "team_id"), rs.getLong("version"));
    }
}
