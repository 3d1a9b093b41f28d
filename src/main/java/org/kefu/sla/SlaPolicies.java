package org.kefu.sla;

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

/** Stored SLA policies (table sla_policy), ordered by position; the ordered list is cached on each node (sla.policies). */
@Repository
class SlaPolicies {

    private static final String COLUMNS = """
            id, name, position, active, calendar_id, tier, priority, channel, complaint_type, organisation, tag,
            first_response_seconds, next_response_seconds, resolution_seconds, pause_on_internal, warn_percent, version""";

    private final JdbcClient jdbc;
    private final ReferenceCache<List<SlaPolicy>> ordered;

    SlaPolicies(JdbcClient jdbc, ReferenceData references) {
        this.jdbc = jdbc;
        this.ordered = references.cache("sla.policies", () -> List.copyOf(
                jdbc.sql("select " + COLUMNS + " from sla_policy order by position, id").query(SlaPolicies::map).list()));
    }

    List<SlaPolicy> ordered() {
        return ordered.get();
    }

    Optional<SlaPolicy> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from sla_policy where id = ?").param(id).query(SlaPolicies::map).optional();
    }

    boolean nameTaken(String name, Long exceptId) {
        return jdbc.sql("select count(*) from sla_policy where lower(name) = lower(?) and id <> ?")
                .param(name).param(exceptId == null ? -1L : exceptId).query(Long.class).single() > 0;
    }

    long insert(SlaPolicy p, Instant now) {
        long id = jdbc.sql("select nextval('sla_policy_seq')").query(Long.class).single();
        jdbc.sql("""
                        insert into sla_policy (id, name, position, active, calendar_id, tier, priority, channel,
                            complaint_type, organisation, tag, first_response_seconds, next_response_seconds,
                            resolution_seconds, pause_on_internal, warn_percent, version, created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)""")
                .params(id, p.name(), p.position(), p.active(), p.calendarId(), p.conditions().tier(),
                        p.conditions().priority(), p.conditions().channel(), p.conditions().complaintType(),
                        p.conditions().organisation(), p.conditions().tag(), seconds(p.firstResponse()),
                        seconds(p.nextResponse()), seconds(p.resolution()), p.pauseOnInternal(), p.warnPercent(),
                        Timestamp.from(now), Timestamp.from(now))
                .update();
        ordered.changed();
        return id;
    }

    boolean update(long id, SlaPolicy p, long expectedVersion, Instant now) {
        boolean updated = jdbc.sql("""
                        update sla_policy set name = ?, position = ?, active = ?, calendar_id = ?, tier = ?, priority = ?,
                            channel = ?, complaint_type = ?, organisation = ?, tag = ?, first_response_seconds = ?,
                            next_response_seconds = ?, resolution_seconds = ?, pause_on_internal = ?, warn_percent = ?,
                            version = version + 1, updated_at = ?
                        where id = ? and version = ?""")
                .params(p.name(), p.position(), p.active(), p.calendarId(), p.conditions().tier(),
                        p.conditions().priority(), p.conditions().channel(), p.conditions().complaintType(),
                        p.conditions().organisation(), p.conditions().tag(), seconds(p.firstResponse()),
                        seconds(p.nextResponse()), seconds(p.resolution()), p.pauseOnInternal(), p.warnPercent(),
                        Timestamp.from(now), id, expectedVersion)
                .update() == 1;
        if (updated) {
            ordered.changed();
        }
        return updated;
    }

    void delete(long id) {
        jdbc.sql("delete from sla_policy where id = ?").param(id).update();
        ordered.changed();
    }

    private static Long seconds(Duration d) {
        return d == null ? null : d.toSeconds();
    }

    private static Duration duration(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : Duration.ofSeconds(value);
    }

    private static SlaPolicy map(ResultSet rs, int row) throws SQLException {
        return new SlaPolicy(rs.getLong("id"), rs.getString("name"), rs.getInt("position"), rs.getBoolean("active"),
                rs.getLong("calendar_id"),
                new SlaPolicy.Conditions(rs.getString("tier"), rs.getString("priority"), rs.getString("channel"),
                        rs.getString("complaint_type"), rs.getString("organisation"), rs.getString("tag")),
                duration(rs, "first_response_seconds"), duration(rs, "next_response_seconds"),
                duration(rs, "resolution_seconds"), rs.getBoolean("pause_on_internal"), rs.getInt("warn_percent"),
                rs.getLong("version"));
    }
}
