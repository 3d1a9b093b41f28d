package org.kefu.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.kefu.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The production indexing set-up (docs/adr/0007): a change is written to the outbox table in the
 * change's own transaction, and a background processor indexes it shortly after. The context is
 * closed after the class, while the test database still runs: left to the JVM's shutdown, its
 * event processor would keep retrying against an embedded PostgreSQL that is already gone.
 */
@DirtiesContext
@TestPropertySource(properties = {
        "spring.jpa.properties.hibernate.search.coordination.strategy=outbox-polling",
        // outbox-polling always indexes in the background; it refuses a synchronization strategy
        "spring.jpa.properties.hibernate.search.indexing.plan.synchronization.strategy="})
class OutboxIndexingIT extends IntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(15);

    @Autowired
    DataSource dataSource;

    @Test
    void aNewTicketBecomesSearchableShortlyAfterItIsCreatedAndTheOutboxDrains() {
        String tag = unique("outbox");
        JsonNode created = openTicket(admin, ticket("洗衣机漏水 outboxprobe", "安装第二天就漏水了", "tags", List.of(tag)));

        assertThat(eventually(() -> searchHits("漏水", tag).size() == 1)).as("the new ticket is found by search").isTrue();
        JsonNode hit = searchHits("漏水", tag).get(0);
        assertThat(hit.get("id").asLong()).isEqualTo(created.get("id").asLong());
        assertThat(hit.get("highlights").get(0).asString()).contains("<mark>漏水</mark>");
        assertThat(eventually(() -> pendingOutboxEvents() == 0)).as("every outbox event was processed").isTrue();
    }

    @Test
    void aChangeToATicketReachesTheIndex() {
        String tag = unique("outbox");
        long id = openTicket(admin, ticket("空调不制冷", "师傅还没来", "tags", List.of(tag))).get("id").asLong();
        assertThat(eventually(() -> searchHits("空调", tag).size() == 1)).isTrue();

        admin.patch("/api/v1/tickets/" + id, java.util.Map.of("subject", "冰箱不制冷"));

        assertThat(eventually(() -> searchHits("冰箱", tag).size() == 1 && searchHits("空调", tag).isEmpty())).isTrue();
    }

    @Test
    void aReplyAndANoteAddedLaterAreFoundByTheirWords() {
        String tag = unique("outbox");
        long id = openTicket(admin, ticket("热水器不出热水", "打开十分钟还是凉的", "tags", List.of(tag))).get("id").asLong();
        assertThat(eventually(() -> searchHits("热水器", tag).size() == 1)).isTrue();

        assertThat(admin.post("/api/v1/tickets/" + id + "/messages", java.util.Map.of("body", "请检查燃气阀门是否打开")).status())
                .isEqualTo(201);
        assertThat(admin.post("/api/v1/tickets/" + id + "/notes", java.util.Map.of("body", "疑似点火器故障")).status())
                .isEqualTo(201);

        // the index follows the ticket's updatedAt, which every new timeline entry moves
        assertThat(eventually(() -> searchHits("阀门", tag).size() == 1 && searchHits("点火器", tag).size() == 1)).isTrue();
        assertThat(eventually(() -> pendingOutboxEvents() == 0)).isTrue();
    }

    private long pendingOutboxEvents() {
        Long count = new JdbcTemplate(dataSource).queryForObject("select count(*) from hsearch_outbox_event", Long.class);
        return count == null ? 0 : count;
    }

    private static boolean eventually(BooleanSupplier condition) {
        return eventually(PATIENCE, condition);
    }
}
