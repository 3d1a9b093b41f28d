package org.kefu.escalation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Table notification; lists page newest first by id (ix_notification_recipient). */
@Repository
class NotificationStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COLUMNS = "id, recipient_id, kind, ticket_id, message_key, args, created_at, read_at";

    private final JdbcClient jdbc;

    NotificationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Notification insert(long recipientId, String kind, Long ticketId, String key, List<String> args, Instant now) {
        long id = jdbc.sql("select nextval('notification_seq')").query(Long.class).single();
        jdbc.sql("insert into notification (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, null)")
                .params(id, recipientId, kind, ticketId, key, JSON.writeValueAsString(args), Timestamp.from(now))
                .update();
        return new Notification(id, recipientId, kind, ticketId, key, args, now, null);
    }

    /** Newest first; {@code beforeId} is the keyset position (exclusive), null for the first page. */
    List<Notification> page(long recipientId, boolean unreadOnly, Long beforeId, int limit) {
        return jdbc.sql("select " + COLUMNS + " from notification where recipient_id = ?"
                        + (unreadOnly ? " and read_at is null" : "") + " and id < ? order by id desc fetch first " + limit
                        + " rows only")
                .param(recipientId).param(beforeId == null ? Long.MAX_VALUE : beforeId)
                .query(NotificationStore::map).list();
    }

    Optional<Notification> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from notification where id = ?").param(id).query(NotificationStore::map).optional();
    }

    long unreadCount(long recipientId) {
        return jdbc.sql("select count(*) from notification where recipient_id = ? and read_at is null")
                .param(recipientId).query(Long.class).single();
    }

    int markRead(long id, long recipientId, Instant now) {
        return jdbc.sql("update notification set read_at = ? where id = ? and recipient_id = ? and read_at is null")
                .params(Timestamp.from(now), id, recipientId).update();
    }

    int markAllRead(long recipientId, Instant now) {
        return jdbc.sql("update notification set read_at = ? where recipient_id = ? and read_at is null")
                .params(Timestamp.from(now), recipientId).update();
    }

    private static Notification map(ResultSet rs, int n) throws SQLException {
        long ticket = rs.getLong("ticket_id");
        return new Notification(rs.getLong("id"), rs.getLong("recipient_id"), rs.getString("kind"),
                rs.wasNull() ? null : ticket, rs.getString("message_key"),
                JSON.readValue(rs.getString("args"), new TypeReference<List<String>>() { }),
                instant(rs, "created_at"), instant(rs, "read_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
