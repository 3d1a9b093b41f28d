package org.kefu.ticket;

import java.time.Clock;
import org.kefu.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The database store against the real schema, on H2 and on PostgreSQL (bytea, on conflict do nothing). */
class DatabaseAttachmentStoreIT extends IntegrationTest implements AttachmentStoreContract {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Clock clock;

    @Override
    public AttachmentStore store() {
        return new DatabaseAttachmentStore(jdbc, clock);
    }

    @Override
    public long storedCount() {
        return jdbc.queryForObject("select count(*) from attachment_content", Long.class);
    }
}
