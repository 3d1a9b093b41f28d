package org.kefu.bot;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the reports read, written as the bot works: counters per day (bot_daily), the questions without a good
 * article per day and normalised form (bot_gap_daily), and each hand-off (bot_handoff). Counting is an update of
 * one row, inserted when the day's row does not exist yet; a concurrent insert of the same row is retried as an update.
 */
@Repository
class BotStatistics {

    static final String ASKED = "ASKED";
    static final String ANSWERED = "ANSWERED";
    static final String HELPED = "HELPED";
    static final String NOT_HELPED = "NOT_HELPED";
    static final String NO_GOOD_ARTICLE = "NO_GOOD_ARTICLE";
    static final String HANDOFF = "HANDOFF_";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ZoneId zone;

    BotStatistics(JdbcClient jdbc, Clock clock, @Value("${kefu.time-zone:Asia/Shanghai}") String zone) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    ZoneId zone() {
        return zone;
    }

    void count(String measure) {
        Date day = Date.valueOf(today());
        for (int attempt = 0; attempt < 3; attempt++) {
            if (jdbc.sql("update bot_daily set total = total + 1 where stat_day = ? and measure = ?").params(day, measure).update() == 1) {
                return;
            }
            if (jdbc.sql("insert into bot_daily (stat_day, measure, total) values (?, ?, 1) on conflict do nothing")
                    .params(day, measure).update() == 1) {
                return;
            }
        }
    }

    void gap(String normalised, String sample) {
        if (normalised == null || normalised.isEmpty()) {
            return;
        }
        Date day = Date.valueOf(today());
        String shortSample = sample.length() <= 500 ? sample : sample.substring(0, 500);
        for (int attempt = 0; attempt < 3; attempt++) {
            if (jdbc.sql("update bot_gap_daily set total = total + 1 where stat_day = ? and normalised = ?")
                    .params(day, normalised).update() == 1) {
                return;
            }
            if (jdbc.sql("insert into bot_gap_daily (stat_day, normalised, sample, total) values (?, ?, ?, 1) on conflict do nothing")
                    .params(day, normalised, shortSample).update() == 1) {
                return;
            }
        }
    }

    void handOff(long sessionId, HandOffReason reason, String question, Long ticketId, Instant now) {
        long id = jdbc.sql("select nextval('bot_handoff_seq')").query(Long.class).single();
        jdbc.sql("insert into bot_handoff (id, session_id, reason, question, ticket_id, created_at) values (?, ?, ?, ?, ?, ?)")
                .params(id, sessionId, reason.name(), question == null || question.length() <= 2000 ? question
                        : question.substring(0, 2000), ticketId, Timestamp.from(now))
                .update();
        count(HANDOFF + reason.name());
    }
}
