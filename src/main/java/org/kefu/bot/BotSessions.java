package org.kefu.bot;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The bot_session and bot_turn tables. */
@Repository
class BotSessions {

    private final JdbcClient jdbc;

    BotSessions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long create(BotSession.Source source, Long chatConversationId, Long customerId, Long ticketId, BotLanguage language,
            Instant now) {
        long id = jdbc.sql("select nextval('bot_session_seq')").query(Long.class).single();
        jdbc.sql("""
                insert into bot_session (id, source, chat_conversation_id, customer_id, ticket_id, language, created_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, source.name(), chatConversationId, customerId, ticketId, language.tag(), Timestamp.from(now))
                .update();
        return id;
    }

    Optional<BotSession> find(long id) {
        return jdbc.sql("select * from bot_session where id = ?").param(id).query(BotSessions::session).optional();
    }

    Optional<BotSession> lock(long id) {
        return jdbc.sql("select * from bot_session where id = ? for update").param(id).query(BotSessions::session).optional();
    }

    /** When the chat counts as left if nobody writes again; null: never (handed off, done). */
    void idleDue(long id, Instant at) {
        jdbc.sql("update bot_session set idle_due_at = ? where id = ?").params(at == null ? null : Timestamp.from(at), id)
                .update();
    }

    /** Sessions whose idle time is up, oldest first, at most {@code limit} (index ix_bot_session_idle_due). */
    List<Long> idleBy(Instant now, int limit) {
        return jdbc.sql("select id from bot_session where idle_due_at <= ? order by idle_due_at fetch first " + limit
                + " rows only").param(Timestamp.from(now)).query(Long.class).list();
    }

    Optional<Instant> idleDueAt(long id) {
        return jdbc.sql("select idle_due_at from bot_session where id = ?").param(id)
                .query((rs, n) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant)).single();
    }

    Optional<BotSession> ofChat(long chatConversationId) {
        return jdbc.sql("select * from bot_session where chat_conversation_id = ?").param(chatConversationId)
                .query(BotSessions::session).optional();
    }

    void language(long id, BotLanguage language) {
        jdbc.sql("update bot_session set language = ? where id = ?").params(language.tag(), id).update();
    }

    void linked(long id, Long customerId, Long ticketId) {
        jdbc.sql("update bot_session set customer_id = coalesce(?, customer_id), ticket_id = coalesce(?, ticket_id) where id = ?")
                .params(customerId, ticketId, id).update();
    }

    void streak(long id, int notHelpedStreak) {
        jdbc.sql("update bot_session set not_helped_streak = ? where id = ?").params(notHelpedStreak, id).update();
    }

    void handedOff(long id, Instant now) {
        jdbc.sql("update bot_session set handed_off_at = ?, idle_due_at = null where id = ?").params(Timestamp.from(now), id)
                .update();
    }

    long addTurn(long sessionId, Long entryId, String question, String normalised, String answer,
            org.kefu.knowledge.KnowledgePassages.Passage passage, boolean phrased, BotTurn.Outcome outcome, Instant now) {
        long id = jdbc.sql("select nextval('bot_turn_seq')").query(Long.class).single();
        jdbc.sql("""
                insert into bot_turn (id, session_id, entry_id, question, normalised, answer, article_id, article_title,
                    article_path, confidence, phrased, outcome, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, sessionId, entryId, cut(question, 2000), normalised, cut(answer, 8000),
                        passage == null ? null : passage.articleId(), passage == null ? null : cut(passage.title(), 500),
                        passage == null ? null : cut(passage.path(), 1000), passage == null ? null : passage.confidence(),
                        phrased, outcome.name(), Timestamp.from(now))
                .update();
        return id;
    }

    Optional<BotTurn> turn(long id) {
        return jdbc.sql("select * from bot_turn where id = ?").param(id).query(BotSessions::turn).optional();
    }

    /** Records the first verdict on an answer; false if it already had one. */
    boolean verdict(long turnId, boolean helped) {
        return jdbc.sql("update bot_turn set helped = ? where id = ? and helped is null and outcome = 'ANSWERED'")
                .params(helped, turnId).update() == 1;
    }

    /** The session's turns after a message id, oldest first, at most {@code limit}. */
    List<BotTurn> turns(long sessionId, long afterId, int limit) {
        return jdbc.sql("select * from bot_turn where session_id = ? and id > ? order by id fetch first " + limit + " rows only")
                .params(sessionId, afterId).query(BotSessions::turn).list();
    }

    /** The normalised questions the bot already answered in the session, newest first. */
    List<String> answeredQuestions(long sessionId, int limit) {
        return jdbc.sql("select normalised from bot_turn where session_id = ? and outcome = 'ANSWERED'"
                        + " and normalised is not null order by id desc fetch first " + limit + " rows only")
                .param(sessionId).query(String.class).list();
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        java.time.OffsetDateTime t = rs.getObject(column, java.time.OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    static BotSession session(ResultSet rs, int n) throws SQLException {
        return new BotSession(rs.getLong("id"), BotSession.Source.valueOf(rs.getString("source")),
                nullableLong(rs, "chat_conversation_id"), nullableLong(rs, "customer_id"), nullableLong(rs, "ticket_id"),
                BotLanguage.of(rs.getString("language")), rs.getInt("not_helped_streak"), instant(rs, "handed_off_at"),
                instant(rs, "created_at"));
    }

    static BotTurn turn(ResultSet rs, int n) throws SQLException {
        double confidence = rs.getDouble("confidence");
        Double c = rs.wasNull() ? null : confidence;
        boolean helped = rs.getBoolean("helped");
        Boolean h = rs.wasNull() ? null : helped;
        return new BotTurn(rs.getLong("id"), rs.getLong("session_id"), nullableLong(rs, "entry_id"), rs.getString("question"),
                rs.getString("answer"), nullableLong(rs, "article_id"), rs.getString("article_title"),
                rs.getString("article_path"), c, rs.getBoolean("phrased"), BotTurn.Outcome.valueOf(rs.getString("outcome")),
                h, instant(rs, "created_at"));
    }
}
