package org.kefu.ticket;

import java.nio.file.Path;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** Picks the attachment store named by {@code kefu.attachments.store}. */
@Configuration(proxyBeanMethods = false)
class AttachmentStorage {

    @Bean
    AttachmentStore attachmentStore(@Value("${kefu.attachments.store:file}") String kind,
            @Value("${kefu.data-dir}") Path dataDir, JdbcTemplate jdbc, Clock clock) {
        return switch (kind.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "file" -> new FileAttachmentStore(dataDir.resolve("attachments"));
            case "database" -> new DatabaseAttachmentStore(jdbc, clock);
            default -> throw new IllegalStateException(
                    "kefu.attachments.store (KEFU_ATTACHMENT_STORE) must be 'file' or 'database', not '" + kind + "'");
        };
    }
}
