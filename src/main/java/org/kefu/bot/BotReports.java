package org.kefu.bot;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kefu.platform.Actor;
import org.kefu.platform.Cursor;
import org.kefu.platform.InvalidRequestException;
import org.kefu.platform.Role;
import org.kefu.platform.Slice;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The bot's reports over a period of days (in the desk's time zone): what it was asked and answered and how often
 * that helped, its hand-offs by reason (and the list of them, newest first), and the questions that had no good
 * article, most asked first. Read from the daily aggregates, so a year costs a few hundred rows. Supervisors and admins.
 */
@Service
@Transactional(readOnly = true)
public class BotReports {

    static final int MAX_DAYS = 366;
    static final int MAX_GAPS = 200;

    private final JdbcClient jdbc;
    private final BotStatistics statistics;

    BotReports(JdbcClient jdbc, BotStatistics statistics) {
        this.jdbc = jdbc;
        this.statistics = statistics;
    }

    /** A period of whole days, both included. */
    public record Period(LocalDate from, LocalDate to) {
    }

    public record Summary(Period period, long asked, long answered, long helped, long notHelped, long noGoodArticle,
            Map<HandOffReason, Long> handOffs) {

        /** Helped among the rated answers, or null when none was rated. */
        public Double helpedRate() {
            long rated = helped + notHelped;
            return rated == 0 ? null : (double) helped / rated;
        }

        public long handOffTotal() {
            return handOffs.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** A question (normalised) without a good article: how often it was asked, and one way it was put. */
    public record Gap(String normalised, String sample, long asked) {
    }

    public record HandOff(long id, long sessionId, HandOffReason reason, String question, Long ticketId, Instant at) {
    }

    /** The period asked for; by default the last 30 days up to today. */
    public Period period(LocalDate from, LocalDate to) {
        LocalDate end = to == null ? statistics.today() : to;
        LocalDate start = from == null ? end.minusDays(29) : from;
        if (start.isAfter(end)) {
            throw InvalidRequestException.of("from", "must not be after 'to'");
        }
        if (ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
            throw InvalidRequestException.of("from", "a period is at most " + MAX_DAYS + " days");
        }
        return new Period(start, end);
    }

    public Summary summary(Period period, Actor actor) {
        actor.requireRole(Role.SUPERVISOR);
        Map<String, Long> totals = new HashMap<>();
        jdbc.sql("select measure, sum(total) from bot_daily where stat_day between ? and ? group by measure")
                .params(Date.valueOf(period.from()), Date.valueOf(period.to()))
                .query((rs, n) -> totals.put(rs.getString(1), rs.getLong(2))).list();
        Map<HandOffReason, Long> handOffs = new EnumMap<>(HandOffReason.class);
        for (HandOffReason reason : HandOffReason.values()) {
            handOffs.put(reason, totals.getOrDefault(BotStatistics.HANDOFF + reason.name(), 0L));
        }
        return new Summary(period, totals.getOrDefault(BotStatistics.ASKED, 0L), totals.getOrDefault(BotStatistics.ANSWERED, 0L),
                totals.getOrDefault(BotStatistics.HELPED, 0L), totals.getOrDefault(BotStatistics.NOT_HELPED, 0L),
                totals.getOrDefault(BotStatistics.NO_GOOD_ARTICLE, 0L), handOffs);
    }

    /** The questions without a good article, most asked first, at most {@code limit}. */
    public List<Gap> gaps(Period period, int limit, Actor actor) {
        actor.requireRole(Role.SUPERVISOR);
        if (limit < 1 || limit > MAX_GAPS) {
            throw InvalidRequestException.of("limit", "must be between 1 and " + MAX_GAPS);
        }
        return jdbc.sql("""
                select normalised, max(sample) as sample, sum(total) as asked from bot_gap_daily
                where stat_day between ? and ? group by normalised order by sum(total) desc, normalised
                fetch first %d rows only""".formatted(limit))
                .params(Date.valueOf(period.from()), Date.valueOf(period.to()))
                .query((rs, n) -> new Gap(rs.getString("normalised"), rs.getString("sample"), rs.getLong("asked"))).list();
    }

    /** The hand-offs of the period, newest first, optionally of one reason; keyset paging on (created_at, id). */
    public Slice<HandOff> handOffs(Period period, HandOffReason reason, String cursor, int limit, Actor actor) {
        actor.requireRole(Role.SUPERVISOR);
        Instant start = period.from().atStartOfDay(statistics.zone()).toInstant();
        Instant end = period.to().plusDays(1).atStartOfDay(statistics.zone()).toInstant();
        StringBuilder sql = new StringBuilder("select * from bot_handoff where created_at >= :start and created_at < :end");
        Map<String, Object> params = new HashMap<>();
        params.put("start", Timestamp.from(start));
        params.put("end", Timestamp.from(end));
        if (reason != null) {
            sql.append(" and reason = :reason");
            params.put("reason", reason.name());
        }
        if (cursor != null && !cursor.isBlank()) {
            Cursor c = Cursor.decode(cursor, "handoff");
            Instant at;
            try {
                at = Instant.parse(c.value());
            } catch (RuntimeException e) {
                throw InvalidRequestException.of("cursor", "is not a cursor returned by this list");
            }
            sql.append(" and (created_at < :cAt or (created_at = :cAt and id < :cId))");
            params.put("cAt", Timestamp.from(at));
            params.put("cId", c.id());
        }
        sql.append(" order by created_at desc, id desc fetch first ").append(limit + 1).append(" rows only");
        List<HandOff> rows = jdbc.sql(sql.toString()).params(params).query((rs, n) -> {
            long ticket = rs.getLong("ticket_id");
            Long ticketId = rs.wasNull() ? null : ticket;
            return new HandOff(rs.getLong("id"), rs.getLong("session_id"), HandOffReason.valueOf(rs.getString("reason")),
                    rs.getString("question"), ticketId, rs.getObject("created_at", java.time.OffsetDateTime.class).toInstant());
        }).list();
        return Slice.fromOverfetch(rows, limit, h -> new Cursor("handoff", h.at().toString(), h.id()));
    }
}
