package org.kefu.channel.email;

import org.kefu.platform.security.SecretBox;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stored mailboxes (table email_mailbox). Passwords are kept encrypted by {@link SecretBox}. */
@Repository
class Mailboxes {

    private static final String COLUMNS = """
            id, name, from_address, imap_host, imap_port, imap_security, imap_user, imap_password, imap_folder,
            processed_folder, smtp_host, smtp_port, smtp_security, smtp_user, smtp_password, department_id, team_id,
            poll_interval_seconds, acknowledge, active, last_polled_at, last_poll_error, version, created_at, updated_at""";

    private final JdbcClient jdbc;

    Mailboxes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A row as stored: the view plus the sealed passwords. */
    record Row(Mailbox mailbox, String imapPasswordSealed, String smtpPasswordSealed) {
    }

    List<Row> list() {
        return jdbc.sql("select " + COLUMNS + " from email_mailbox order by id").query(Mailboxes::map).list();
    }

    List<Row> active() {
        return jdbc.sql("select " + COLUMNS + " from email_mailbox where active = true order by id").query(Mailboxes::map).list();
    }

    Optional<Row> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from email_mailbox where id = ?").param(id).query(Mailboxes::map).optional();
    }

    /** The active mailbox sending with this from-address (a mail from it is our own, a loop). */
    boolean isOwnAddress(String address) {
        return address != null && jdbc.sql("select count(*) from email_mailbox where lower(from_address) = ?")
                .param(address.toLowerCase(java.util.Locale.ROOT)).query(Long.class).single() > 0;
    }

    long insert(Mailbox m, String imapSealed, String smtpSealed, Instant now) {
        long id = jdbc.sql("select nextval('email_mailbox_seq')").query(Long.class).single();
        jdbc.sql("""
                        insert into email_mailbox (id, name, from_address, imap_host, imap_port, imap_security, imap_user,
                            imap_password, imap_folder, processed_folder, smtp_host, smtp_port, smtp_security, smtp_user,
                            smtp_password, department_id, team_id, poll_interval_seconds, acknowledge, active, version,
                            created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)""")
                .params(id, m.name(), m.fromAddress(), m.imapHost(), m.imapPort(), m.imapSecurity().name(), m.imapUser(),
                        imapSealed, m.imapFolder(), m.processedFolder(), m.smtpHost(), m.smtpPort(), m.smtpSecurity().name(),
                        m.smtpUser(), smtpSealed, m.departmentId(), m.teamId(), m.pollIntervalSeconds(), m.acknowledge(),
                        m.active(), ts(now), ts(now))
                .update();
        return id;
    }

    /** Writes the settings if the version still matches; false when someone else saved in between. */
    boolean update(Mailbox m, String imapSealed, String smtpSealed, long expectedVersion, Instant now) {
        return jdbc.sql("""
                        update email_mailbox set name = ?, from_address = ?, imap_host = ?, imap_port = ?, imap_security = ?,
                            imap_user = ?, imap_password = ?, imap_folder = ?, processed_folder = ?, smtp_host = ?,
                            smtp_port = ?, smtp_security = ?, smtp_user = ?, smtp_password = ?, department_id = ?,
                            team_id = ?, poll_interval_seconds = ?, acknowledge = ?, active = ?, version = version + 1,
                            updated_at = ?
                        where id = ? and version = ?""")
                .params(m.name(), m.fromAddress(), m.imapHost(), m.imapPort(), m.imapSecurity().name(), m.imapUser(),
                        imapSealed, m.imapFolder(), m.processedFolder(), m.smtpHost(), m.smtpPort(), m.smtpSecurity().name(),
                        m.smtpUser(), smtpSealed, m.departmentId(), m.teamId(), m.pollIntervalSeconds(), m.acknowledge(),
                        m.active(), ts(now), m.id(), expectedVersion)
                .update() == 1;
    }

    void delete(long id) {
        jdbc.sql("delete from email_mailbox where id = ?").param(id).update();
    }

    void polled(long id, Instant at, String error) {
        jdbc.sql("update email_mailbox set last_polled_at = ?, last_poll_error = ? where id = ?")
                .params(ts(at), error == null ? null : cut(error, 1000), id).update();
    }

    static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private static Row map(ResultSet rs, int n) throws SQLException {
        Mailbox m = new Mailbox(rs.getLong("id"), rs.getString("name"), rs.getString("from_address"),
                rs.getString("imap_host"), rs.getInt("imap_port"), MailSecurity.valueOf(rs.getString("imap_security")),
                rs.getString("imap_user"), rs.getString("imap_password") != null, rs.getString("imap_folder"),
                rs.getString("processed_folder"), rs.getString("smtp_host"), rs.getInt("smtp_port"),
                MailSecurity.valueOf(rs.getString("smtp_security")), rs.getString("smtp_user"),
                rs.getString("smtp_password") != null, (Long) rs.getObject("department_id", Long.class),
                rs.getObject("team_id", Long.class), rs.getInt("poll_interval_seconds"), rs.getBoolean("acknowledge"),
                rs.getBoolean("active"), instant(rs, "last_polled_at"), rs.getString("last_poll_error"),
                rs.getLong("version"), instant(rs, "created_at"), instant(rs, "updated_at"));
        return new Row(m, rs.getString("imap_password"), rs.getString("smtp_password"));
    }

    static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
