package org.kefu.channel.email;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Who idles on a mailbox (table email_idle_lease): one holder (an app node) at a time, for as long as
 * it renews the lease before it expires. A node that dies stops renewing; after the expiry any node
 * may take the mailbox over. Each statement is one atomic row change, so two nodes never both win.
 */
@Repository
class IdleLeases {

    private final JdbcClient jdbc;

    IdleLeases(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Takes (or keeps) the mailbox's lease until {@code now + ttl}; false when another holder's lease still runs. */
    boolean acquire(long mailboxId, String holder, Instant now, Duration ttl) {
        int taken = jdbc.sql("""
                        update email_idle_lease set holder = ?, expires_at = ?
                        where mailbox_id = ? and (holder = ? or expires_at < ?)""")
                .params(holder, Timestamp.from(now.plus(ttl)), mailboxId, holder, Timestamp.from(now)).update();
        if (taken == 1) {
            return true;
        }
        try {
            return jdbc.sql("insert into email_idle_lease (mailbox_id, holder, expires_at) values (?, ?, ?)")
                    .params(mailboxId, holder, Timestamp.from(now.plus(ttl))).update() == 1;
        } catch (DataIntegrityViolationException e) {
            return false; // someone else holds it, or the mailbox was just deleted
        }
    }

    /** Extends the holder's own lease; false when it has lost it (expired and taken over, or the mailbox is gone). */
    boolean renew(long mailboxId, String holder, Instant now, Duration ttl) {
        return jdbc.sql("update email_idle_lease set expires_at = ? where mailbox_id = ? and holder = ?")
                .params(Timestamp.from(now.plus(ttl)), mailboxId, holder).update() == 1;
    }

    void release(long mailboxId, String holder) {
        jdbc.sql("delete from email_idle_lease where mailbox_id = ? and holder = ?").params(mailboxId, holder).update();
    }
}
