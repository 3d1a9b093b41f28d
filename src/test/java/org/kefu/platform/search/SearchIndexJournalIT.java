package org.kefu.platform.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.kefu.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The production indexing set-up (docs/adr/0010): changes reach search in the background, and the journal's
 * checkpoint tells a restart after a crash what to index again. Changes written past Hibernate Search (plain SQL)
 * stand for those a crash lost before the index committed them.
 */
@TestPropertySource(properties = {
        "spring.jpa.properties.hibernate.search.indexing.plan.synchronization.strategy=",
        "kefu.search.journal.interval=PT1H"})
class SearchIndexJournalIT extends IntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Autowired
    SearchIndexJournal journal;
    @Autowired
    DataSource dataSource;
    @Autowired
    Clock clock;
    @Value("${spring.jpa.properties.hibernate.search.backend.directory.root}")
    Path indexRoot;

    @Test
    void aNewTicketAndItsRepliesBecomeSearchableAndTheCheckpointMovesOn() throws Exception {
        String tag = unique("journal");
        long id = openTicket(admin, ticket("热水器不出热水", "打开十分钟还是凉的", "tags", List.of(tag))).get("id").asLong();
        assertThat(eventually(() -> searchHits("热水器", tag).size() == 1)).as("the new ticket is found").isTrue();
        assertThat(admin.post("/api/v1/tickets/" + id + "/messages", Map.of("body", "请检查燃气阀门是否打开")).status())
                .isEqualTo(201);
        assertThat(eventually(() -> searchHits("阀门", tag).size() == 1)).as("the reply is found").isTrue();
        assertThat(searchHits("阀门", tag).get(0).get("highlights").get(0).asString()).contains("<mark>阀门</mark>");

        Instant before = clock.instant();
        journal.checkpoint();

        IndexCheckpoint checkpoint = checkpoint().orElseThrow();
        assertThat(checkpoint.state()).isEqualTo(IndexCheckpoint.State.RUNNING);
        assertThat(checkpoint.indexedThrough()).isBetween(before.minus(Duration.ofMinutes(5)), clock.instant());
    }

    @Test
    void afterACrashWhatChangedSinceTheCheckpointIsIndexedAgain() {
        String tag = unique("journal");
        long id = openTicket(admin, ticket("空调不制冷", "师傅还没来", "tags", List.of(tag))).get("id").asLong();
        assertThat(eventually(() -> searchHits("空调", tag).size() == 1)).isTrue();

        journal.stop();
        Instant crashCheckpoint = clock.instant().minusSeconds(60);
        new IndexCheckpoint(IndexCheckpoint.State.RUNNING, crashCheckpoint).writeTo(checkpointFile());
        lostChange(id, "冰箱不制冷", clock.instant());
        assertThat(searchHits("冰箱", tag)).as("the index missed the change").isEmpty();

        journal.start();

        assertThat(eventually(() -> searchHits("冰箱", tag).size() == 1))
                .as("the restart indexed again what changed since the checkpoint").isTrue();
        assertThat(searchHits("空调", tag)).isEmpty();
        assertThat(checkpoint().orElseThrow()).isEqualTo(new IndexCheckpoint(IndexCheckpoint.State.RUNNING, crashCheckpoint));
        // the other tests' changes of the last minute are indexed again too; the next test stops the journal
        assertThat(eventually(() -> !journal.catchingUp())).as("the catch-up ends").isTrue();
    }

    @Test
    void afterACleanStopNothingIsIndexedAgain() throws Exception {
        String tag = unique("journal");
        long id = openTicket(admin, ticket("洗衣机漏水", "安装第二天就漏水了", "tags", List.of(tag))).get("id").asLong();
        assertThat(eventually(() -> searchHits("洗衣机", tag).size() == 1)).isTrue();
        assertThat(eventually(() -> !journal.catchingUp())).isTrue();

        journal.stop();
        assertThat(checkpoint().orElseThrow().state()).isEqualTo(IndexCheckpoint.State.CLEAN);
        lostChange(id, "烘干机漏水", clock.instant());
        journal.start();
        journal.checkpoint();

        assertThat(searchHits("烘干机", tag)).as("a clean stop left nothing to index again").isEmpty();
        assertThat(checkpoint().orElseThrow().state()).isEqualTo(IndexCheckpoint.State.RUNNING);
    }

    @Test
    void changesLeftInTheOutboxByAnEarlierVersionAreIndexedAndTheRowsRemoved() {
        String tag = unique("journal");
        long id = openTicket(admin, ticket("电视没有声音", "遥控器调了也没用", "tags", List.of(tag))).get("id").asLong();
        assertThat(eventually(() -> searchHits("电视", tag).size() == 1)).isTrue();
        journal.stop();
        // a change older than any checkpoint, known only to the outbox of the version that made it
        lostChange(id, "音响没有声音", clock.instant().minus(Duration.ofDays(2)));
        UUID row = UUID.randomUUID();
        jdbc().update("insert into hsearch_outbox_event (id, entity_name, entity_id, entity_id_hash, payload, retries, "
                + "process_after, status) values (?, 'Ticket', ?, 0, ?, 0, ?, 'PENDING')", row, Long.toString(id),
                new byte[] {1}, Timestamp.from(clock.instant()));

        journal.start();

        assertThat(eventually(() -> searchHits("音响", tag).size() == 1)).as("the outbox's change is indexed").isTrue();
        assertThat(eventually(() -> jdbc().queryForObject("select count(*) from hsearch_outbox_event where id = ?",
                Long.class, row) == 0)).as("and its row is gone").isTrue();
    }

    /** A change that reached the database but not the index, as a crash before the index commit leaves it. */
    private void lostChange(long ticketId, String subject, Instant at) {
        jdbc().update("update ticket set subject = ?, updated_at = ? where id = ?", subject, Timestamp.from(at), ticketId);
    }

    private Optional<IndexCheckpoint> checkpoint() {
        try {
            return IndexCheckpoint.parse(Files.readString(checkpointFile()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Path checkpointFile() {
        return indexRoot.resolve(IndexCheckpoint.FILE_NAME);
    }

    private JdbcTemplate jdbc() {
        return new JdbcTemplate(dataSource);
    }

    private static boolean eventually(BooleanSupplier condition) {
        return eventually(PATIENCE, condition);
    }
}
