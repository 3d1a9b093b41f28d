package org.kefu.goals;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Per goal and ticket: when it opened, by when the goal wanted the act, and when it happened (table
 * goal_outcome). Attainment is one aggregate over an index range, never rows loaded into memory.
 */
@Repository
class GoalOutcomes {

    private final JdbcClient jdbc;

    GoalOutcomes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(long goalId, long ticketId, Instant openedAt, Instant deadlineAt, Instant metAt) {
        jdbc.sql("insert into goal_outcome (goal_id, ticket_id, opened_at, deadline_at, met_at) values (?, ?, ?, ?, ?)")
                .params(goalId, ticketId, Timestamp.from(openedAt), Timestamp.from(deadlineAt), ts(metAt))
                .update();
    }

    /** The first time the act happens on the ticket, for every goal of these metrics still waiting for it. */
    int meet(long ticketId, Collection<GoalMetric> metrics, Instant at) {
        return jdbc.sql("""
                        update goal_outcome set met_at = :at
                        where ticket_id = :ticket and met_at is null
                          and goal_id in (select g.id from service_goal g where g.metric in (:metrics))""")
                .param("at", Timestamp.from(at)).param("ticket", ticketId)
                .param("metrics", metrics.stream().map(Enum::name).toList())
                .update();
    }

    void deleteOfGoal(long goalId) {
        jdbc.sql("delete from goal_outcome where goal_id = ?").param(goalId).update();
    }

    /** Counts for tickets opened in [from, to): met in time, missed (late, or unmet past the deadline), pending. */
    Counts count(long goalId, Instant from, Instant to, Instant now) {
        return jdbc.sql("""
                        select
                          count(case when met_at is not null and met_at <= deadline_at then 1 end),
                          count(case when (met_at is not null and met_at > deadline_at) or (met_at is null and deadline_at < :now) then 1 end),
                          count(case when met_at is null and deadline_at >= :now then 1 end)
                        from goal_outcome
                        where goal_id = :goal and opened_at >= :from and opened_at < :to""")
                .param("now", Timestamp.from(now)).param("goal", goalId)
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query((rs, n) -> new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                .single();
    }

    record Counts(long met, long missed, long pending) {
    }

    /** One keyset page of tickets opened since {@code since}, for filling a new or changed goal's outcomes. */
    List<TicketRow> ticketsSince(Instant since, Instant afterCreated, long afterId, int limit) {
        return jdbc.sql("""
                        select id, created_at, first_response_at, resolved_at, closed_at, channel, priority, team_id,
                               department_id, complaint_type
                        from ticket
                        where created_at >= ? and merged_into_id is null
                          and (created_at > ? or (created_at = ? and id > ?))
                        order by created_at, id
                        fetch first %d rows only""".formatted(limit))
                .params(Timestamp.from(since), Timestamp.from(afterCreated), Timestamp.from(afterCreated), afterId)
                .query((rs, n) -> new TicketRow(rs.getLong(1), rs.getTimestamp(2).toInstant(), instant(rs.getTimestamp(3)),
                        instant(rs.getTimestamp(4)), instant(rs.getTimestamp(5)),
                        new ServiceGoal.TicketFacts(rs.getString(6), rs.getString(7), (Long) rs.getObject(8, Long.class),
                                (Long) rs.getObject(9, Long.class), rs.getString(10))))
                .list();
    }

    record TicketRow(long id, Instant createdAt, Instant firstResponseAt, Instant resolvedAt, Instant closedAt,
                     ServiceGoal.TicketFacts facts) {
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
