package org.kefu.goals;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.kefu.platform.reference.ReferenceCache;
import org.kefu.platform.reference.ReferenceData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stored service goals (table service_goal), by name; the active ones are cached on each node (goals.service-goals). */
@Repository
class Goals {

    private static final String COLUMNS = """
            id, name, metric, target_percent, threshold_seconds, calendar_id, channel, priority, team_id, department_id,
            complaint_type, active, version""";

    private final JdbcClient jdbc;
    private final ReferenceCache<List<ServiceGoal>> active;

    Goals(JdbcClient jdbc, ReferenceData references) {
        this.jdbc = jdbc;
        this.active = references.cache("goals.service-goals", () -> List.copyOf(
                jdbc.sql("select " + COLUMNS + " from service_goal where active = true order by id").query(Goals::map).list()));
    }

    List<ServiceGoal> all() {
        return jdbc.sql("select " + COLUMNS + " from service_goal order by name, id").query(Goals::map).list();
    }

    List<ServiceGoal> active() {
        return active.get();
    }

    Optional<ServiceGoal> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from service_goal where id = ?").param(id).query(Goals::map).optional();
    }

    boolean nameTaken(String name, Long exceptId) {
        return jdbc.sql("select count(*) from service_goal where lower(name) = lower(?) and id <> ?")
                .param(name).param(exceptId == null ? -1L : exceptId).query(Long.class).single() > 0;
    }

    long insert(ServiceGoal g, Instant now) {
        long id = jdbc.sql("select nextval('service_goal_seq')").query(Long.class).single();
        jdbc.sql("""
                        insert into service_goal (id, name, metric, target_percent, threshold_seconds, calendar_id, channel,
                            priority, team_id, department_id, complaint_type, active, version, created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)""")
                .params(id, g.name(), g.metric().name(), g.targetPercent(), g.threshold().toSeconds(), g.calendarId(),
                        g.channel(), g.priority(), g.teamId(), g.departmentId(), g.complaintType(), g.active(),
                        Timestamp.from(now), Timestamp.from(now))
                .update();
        active.changed();
        return id;
    }

    boolean update(long id, ServiceGoal g, long expectedVersion, Instant now) {
        boolean updated = jdbc.sql("""
                        update service_goal set name = ?, metric = ?, target_percent = ?, threshold_seconds = ?, calendar_id = ?,
                            channel = ?, priority = ?, team_id = ?, department_id = ?, complaint_type = ?, active = ?,
                            version = version + 1, updated_at = ?
                        where id = ? and version = ?""")
                .params(g.name(), g.metric().name(), g.targetPercent(), g.threshold().toSeconds(), g.calendarId(),
                        g.channel(), g.priority(), g.teamId(), g.departmentId(), g.complaintType(), g.active(),
                        Timestamp.from(now), id, expectedVersion)
                .update() == 1;
        if (updated) {
            active.changed();
        }
        return updated;
    }

    void delete(long id) {
        jdbc.sql("delete from service_goal where id = ?").param(id).update();
        active.changed();
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static ServiceGoal map(ResultSet rs, int row) throws SQLException {
        return new ServiceGoal(rs.getLong("id"), rs.getString("name"), GoalMetric.valueOf(rs.getString("metric")),
                rs.getBigDecimal("target_percent").setScale(2, java.math.RoundingMode.HALF_UP),
                Duration.ofSeconds(rs.getLong("threshold_seconds")), rs.getLong("calendar_id"), rs.getString("channel"),
                rs.getString("priority"), nullableLong(rs, "team_id"), nullableLong(rs, "department_id"),
                rs.getString("complaint_type"), rs.getBoolean("active"), rs.getLong("version"));
    }
}
