package org.kefu.sla;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Stored SLA clocks (table sla_clock) and the breaches they recorded (sla_breach). */
@Repository
class SlaClocks {

    private static final String COLUMNS = """
            id, ticket_id, metric, policy_id, calendar_id, target_seconds, warn_percent, pause_on_internal, cycle, state,
            started_at, due_at, warn_at, paused_at, paused_business_seconds, met_at, warned, breached, version""";

    private static final String INSERT = """
            insert into sla_clock (id, ticket_id, metric, policy_id, calendar_id, target_seconds, warn_percent,
                pause_on_internal, cycle, state, started_at, due_at, warn_at, paused_at, paused_business_seconds,
                met_at, warned, breached, next_due_at, version, updated_at)
            values (nextval('sla_clock_seq'), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)""";

    private static final String UPDATE = """
            update sla_clock set policy_id = ?, calendar_id = ?, target_seconds = ?, warn_percent = ?,
                pause_on_internal = ?, cycle = ?, state = ?, started_at = ?, due_at = ?, warn_at = ?, paused_at = ?,
                paused_business_seconds = ?, met_at = ?, warned = ?, breached = ?, next_due_at = ?,
                version = version + 1, updated_at = ?
            where id = ?""";

    private static final String INSERT_BREACH = """
            insert into sla_breach (id, clock_id, ticket_id, metric, policy_id, cycle, due_at, detected_at, met_at,
                overdue_business_seconds, overdue_seconds)
            values (nextval('sla_breach_seq'), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;

    SlaClocks(JdbcClient jdbc, JdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    List<SlaClock> ofTicket(long ticketId) {
        return jdbc.sql("select " + COLUMNS + " from sla_clock where ticket_id = ? order by id").param(ticketId)
                .query(SlaClocks::map).list();
    }

    /** The ticket's clocks, locked until the transaction ends, so the sweep and ticket events take turns. */
    List<SlaClock> ofTicketForUpdate(long ticketId) {
        return jdbc.sql("select " + COLUMNS + " from sla_clock where ticket_id = ? order by id for update").param(ticketId)
                .query(SlaClocks::map).list();
    }

    /**
     * Those of the clocks that are still due at {@code now}, locked until the transaction ends, in id order (the order
     * ticket events lock a ticket's clocks in, so the two never wait on each other in a circle).
     */
    List<SlaClock> lockIfDue(List<Long> ids, Instant now) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from sla_clock where id in (:ids) and next_due_at <= :now order by id for update")
                .param("ids", ids).param("now", Timestamp.from(now))
                .query(SlaClocks::map).list();
    }

    /** One keyset page of clocks due by {@code now}, after (afterDue, afterId); served by ix_sla_clock_next_due. */
    List<DueRef> due(Instant now, Instant afterDue, long afterId, int limit) {
        return jdbc.sql("""
                        select id, next_due_at from sla_clock
                        where next_due_at <= ? and next_due_at >= ? and (next_due_at > ? or id > ?)
                        order by next_due_at, id
                        fetch first %d rows only""".formatted(limit))
                .param(Timestamp.from(now)).param(Timestamp.from(afterDue)).param(Timestamp.from(afterDue)).param(afterId)
                .query((rs, n) -> new DueRef(rs.getLong(1), instant(rs, 2)))
                .list();
    }

    record DueRef(long id, Instant nextDueAt) {
    }

    SlaClock save(SlaClock c, Instant now) {
        if (c.id() == null) {
            KeyHolder key = new GeneratedKeyHolder();
            jdbc.sql(INSERT).params(insertValues(c, now)).update(key, "id");
            return c.stored(Objects.requireNonNull(key.getKey(), "the new clock's id").longValue(), 0);
        }
        jdbc.sql(UPDATE).params(updateValues(c, now)).update();
        return c.stored(c.id(), c.version() + 1);
    }

    /** New clocks (without ids) in one JDBC batch, which the PostgreSQL driver sends in one round trip. */
    void insertAll(List<SlaClock> fresh, Instant now) {
        batch(INSERT, fresh.stream().map(c -> insertValues(c, now)).toList());
    }

    /** Changed clocks (with ids) in one JDBC batch. */
    void updateAll(List<SlaClock> changed, Instant now) {
        batch(UPDATE, changed.stream().map(c -> updateValues(c, now)).toList());
    }

    void recordBreach(SlaClock c, Instant detectedAt, Duration overdueBusiness) {
        jdbc.sql(INSERT_BREACH).params(breachValues(new NewBreach(c, detectedAt, overdueBusiness))).update();
    }

    /** Breaches in one JDBC batch. */
    void recordBreaches(List<NewBreach> breaches) {
        batch(INSERT_BREACH, breaches.stream().map(SlaClocks::breachValues).toList());
    }

    /** A breach the sweep found: the clock as marked breached, when it was noticed, and by how much business time. */
    record NewBreach(SlaClock clock, Instant detectedAt, Duration overdueBusiness) {
    }

    private void batch(String sql, List<Object[]> rows) {
        if (rows.size() == 1) {
            jdbc.sql(sql).params(rows.getFirst()).update();
        } else if (!rows.isEmpty()) {
            batches.batchUpdate(sql, rows);
        }
    }

    private static Object[] insertValues(SlaClock c, Instant now) {
        return new Object[] {c.ticketId(), c.metric().name(), c.policyId(), c.calendarId(), c.target().toSeconds(),
                c.warnPercent(), c.pauseOnInternal(), c.cycle(), c.state().name(), ts(c.startedAt()), ts(c.dueAt()),
                ts(c.warnAt()), ts(c.pausedAt()), c.pausedBusinessTime().toSeconds(), ts(c.metAt()), c.warned(),
                c.breached(), ts(c.nextDueAt()), ts(now)};
    }

    private static Object[] updateValues(SlaClock c, Instant now) {
        return new Object[] {c.policyId(), c.calendarId(), c.target().toSeconds(), c.warnPercent(), c.pauseOnInternal(),
                c.cycle(), c.state().name(), ts(c.startedAt()), ts(c.dueAt()), ts(c.warnAt()), ts(c.pausedAt()),
                c.pausedBusinessTime().toSeconds(), ts(c.metAt()), c.warned(), c.breached(), ts(c.nextDueAt()), ts(now),
                c.id()};
    }

    private static Object[] breachValues(NewBreach b) {
        SlaClock c = b.clock();
        return new Object[] {c.id(), c.ticketId(), c.metric().name(), c.policyId(), c.cycle(), ts(c.dueAt()),
                ts(b.detectedAt()), ts(c.metAt()), b.overdueBusiness().toSeconds(),
                Duration.between(c.dueAt(), b.detectedAt()).toSeconds()};
    }

    /** A breached target was met late: the breach gets its final figures. */
    void closeBreach(SlaClock c, Duration overdueBusiness) {
        jdbc.sql("""
                        update sla_breach set met_at = ?, overdue_business_seconds = ?, overdue_seconds = ?
                        where clock_id = ? and cycle = ?""")
                .params(ts(c.metAt()), overdueBusiness.toSeconds(), Duration.between(c.dueAt(), c.metAt()).toSeconds(),
                        c.id(), c.cycle())
                .update();
    }

    List<Breach> breachesOf(long ticketId) {
        return jdbc.sql("""
                        select metric, cycle, due_at, detected_at, met_at, overdue_business_seconds, overdue_seconds
                        from sla_breach where ticket_id = ? order by id""")
                .param(ticketId)
                .query((rs, n) -> new Breach(SlaMetric.valueOf(rs.getString(1)), rs.getInt(2), instant(rs, 3), instant(rs, 4),
                        instant(rs, 5), Duration.ofSeconds(rs.getLong(6)), Duration.ofSeconds(rs.getLong(7))))
                .list();
    }

    /** A missed target, for reports. */
    record Breach(SlaMetric metric, int cycle, Instant dueAt, Instant detectedAt, Instant metAt,
                         Duration overdueBusinessTime, Duration overdue) {
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static SlaClock map(ResultSet rs, int row) throws SQLException {
        long policy = rs.getLong("policy_id");
        Long policyId = rs.wasNull() ? null : policy;
        return new SlaClock(rs.getLong("id"), rs.getLong("ticket_id"), SlaMetric.valueOf(rs.getString("metric")), policyId,
                rs.getLong("calendar_id"), Duration.ofSeconds(rs.getLong("target_seconds")), rs.getInt("warn_percent"),
                rs.getBoolean("pause_on_internal"), rs.getInt("cycle"), SlaClock.State.valueOf(rs.getString("state")),
                instant(rs, "started_at"), instant(rs, "due_at"), instant(rs, "warn_at"), instant(rs, "paused_at"),
                Duration.ofSeconds(rs.getLong("paused_business_seconds")), instant(rs, "met_at"), rs.getBoolean("warned"),
                rs.getBoolean("breached"), rs.getLong("version"));
    }
}
