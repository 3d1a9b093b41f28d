package org.kefu.channel.chat;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static org.kefu.channel.chat.ChatChannels.instant;
import static org.kefu.channel.chat.ChatChannels.nullableLong;
import static org.kefu.channel.chat.ChatChannels.ts;

/** The chat_conversation table. */
@Repository
class ChatConversations {

    private final JdbcClient jdbc;

    ChatConversations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long channelId, String visitorId, String tokenHash, String name, String email, long departmentId,
            Long teamId, Instant now) {
        long id = jdbc.sql("select nextval('chat_conversation_seq')").query(Long.class).single();
        jdbc.sql("""
                insert into chat_conversation (id, channel_id, visitor_id, token_hash, visitor_name, visitor_email, state,
                    department_id, team_id, started_at) values (?, ?, ?, ?, ?, ?, 'NEW', ?, ?, ?)""")
                .params(id, channelId, visitorId, tokenHash, name, email, departmentId, teamId, ts(now)).update();
        return id;
    }

    Optional<ChatConversation> find(long id) {
        return jdbc.sql("select * from chat_conversation where id = ?").param(id).query(ChatConversations::row).optional();
    }

    /** The conversation, locked for an update of its state (serialises accept, transfer, end). */
    Optional<ChatConversation> lock(long id) {
        return jdbc.sql("select * from chat_conversation where id = ? for update").param(id)
                .query(ChatConversations::row).optional();
    }

    Optional<ChatConversation> byToken(String tokenHash) {
        return jdbc.sql("select * from chat_conversation where token_hash = ?").param(tokenHash)
                .query(ChatConversations::row).optional();
    }

    Optional<ChatConversation> byTicket(long ticketId) {
        return jdbc.sql("select * from chat_conversation where ticket_id = ? order by id desc").param(ticketId)
                .query(ChatConversations::row).list().stream().findFirst();
    }

    void identify(long id, String name, String email) {
        jdbc.sql("update chat_conversation set visitor_name = coalesce(?, visitor_name), visitor_email = coalesce(?, visitor_email),"
                + " version = version + 1 where id = ?").params(name, email, id).update();
    }

    void opened(long id, long customerId, long ticketId) {
        jdbc.sql("update chat_conversation set customer_id = ?, ticket_id = ?, version = version + 1 where id = ?")
                .params(customerId, ticketId, id).update();
    }

    /** Into the queue (first message, a team transfer, a message after the chat ended). */
    void enqueue(long id, long departmentId, Long teamId, Instant now) {
        jdbc.sql("""
                update chat_conversation set state = 'WAITING', department_id = ?, team_id = ?, agent_id = null,
                    offered_agent_id = null, waiting_since = coalesce(waiting_since, ?), ended_at = null,
                    version = version + 1 where id = ?""")
                .params(departmentId, teamId, ts(now), id).update();
    }

    /** Moves a waiting chat to the agent; false if someone else was quicker. */
    boolean accept(long id, long agentId, Instant now) {
        return jdbc.sql("""
                update chat_conversation set state = 'ACTIVE', agent_id = ?, offered_agent_id = null,
                    accepted_at = coalesce(accepted_at, ?), version = version + 1 where id = ? and state = 'WAITING'""")
                .params(agentId, ts(now), id).update() == 1;
    }

    void handOver(long id, long toAgentId) {
        jdbc.sql("update chat_conversation set agent_id = ?, version = version + 1 where id = ?").params(toAgentId, id).update();
    }

    void offer(long id, Long agentId) {
        jdbc.sql("update chat_conversation set offered_agent_id = ? where id = ?").params(agentId, id).update();
    }

    void firstResponse(long ticketId, Instant now) {
        jdbc.sql("update chat_conversation set first_response_at = ? where ticket_id = ? and first_response_at is null"
                + " and state <> 'NEW'").params(ts(now), ticketId).update();
    }

    void end(long id, boolean solved, Instant now) {
        jdbc.sql("""
                update chat_conversation set state = 'ENDED', ended_at = ?,
                    solved_at = case when ? then coalesce(solved_at, ?) else solved_at end,
                    offered_agent_id = null, version = version + 1 where id = ?""")
                .params(ts(now), solved, ts(now), id).update();
    }

    /** The waiting chats of the departments (all when null), oldest first. */
    List<ChatConversation> waiting(List<Long> departmentIds, int limit) {
        if (departmentIds != null && departmentIds.isEmpty()) {
            return List.of();
        }
        String where = departmentIds == null ? "" : " and department_id in (:departments)";
        var spec = jdbc.sql("select * from chat_conversation where state = 'WAITING'" + where
                + " order by waiting_since, id fetch first " + limit + " rows only");
        if (departmentIds != null) {
            spec = spec.param("departments", departmentIds);
        }
        return spec.query(ChatConversations::row).list();
    }

    /** How many chats of the department waited longer than this one (its position is this plus one). */
    int ahead(ChatConversation c) {
        return jdbc.sql("""
                select count(*) from chat_conversation where state = 'WAITING' and department_id = ?
                    and (waiting_since < ? or (waiting_since = ? and id < ?))""")
                .params(c.departmentId(), ts(c.waitingSince()), ts(c.waitingSince()), c.id()).query(Integer.class).single();
    }

    List<ChatConversation> activeOf(long agentId) {
        return jdbc.sql("select * from chat_conversation where agent_id = ? and state = 'ACTIVE' order by accepted_at, id")
                .param(agentId).query(ChatConversations::row).list();
    }

    /** Average seconds from waiting to accepted over the channel's last accepted chats, or null if none. */
    Double averageSecondsToAccept(long channelId, int last) {
        List<Object[]> rows = jdbc.sql("""
                select waiting_since, accepted_at from chat_conversation where channel_id = ? and accepted_at is not null
                    and waiting_since is not null order by accepted_at desc fetch first %d rows only""".formatted(last))
                .param(channelId).query((rs, n) -> new Object[] {instant(rs, "waiting_since"), instant(rs, "accepted_at")})
                .list();
        if (rows.isEmpty()) {
            return null;
        }
        return rows.stream().mapToLong(r -> Math.max(0, ((Instant) r[1]).getEpochSecond() - ((Instant) r[0]).getEpochSecond()))
                .average().orElse(0);
    }

    static ChatConversation row(ResultSet rs, int n) throws SQLException {
        return new ChatConversation(rs.getLong("id"), rs.getLong("channel_id"), rs.getString("visitor_id"),
                rs.getString("visitor_name"), rs.getString("visitor_email"), nullableLong(rs, "customer_id"),
                nullableLong(rs, "ticket_id"), ChatConversation.State.valueOf(rs.getString("state")),
                rs.getLong("department_id"), nullableLong(rs, "team_id"), nullableLong(rs, "agent_id"),
                nullableLong(rs, "offered_agent_id"), instant(rs, "started_at"), instant(rs, "waiting_since"),
                instant(rs, "accepted_at"), instant(rs, "first_response_at"), instant(rs, "solved_at"),
                instant(rs, "ended_at"));
    }
}
