package org.kefu.insight.classify;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.kefu.platform.ConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Trains the classifier from the shipped seed set plus the newest agent confirmations and corrections (at most
 * {@link #MAX_CONFIRMED}, read by keyset in batches) and stores it as the next version, which every node then loads.
 * Runs on a db-scheduler schedule (one node at a time) and when an admin asks.
 */
@Service
public class ModelTraining {

    public static final String SCHEDULE = "SCHEDULE";
    public static final String ADMIN = "ADMIN";

    /** The newest confirmations used: enough to learn a desk's language, bounded in memory and time at 1M tickets. */
    static final int MAX_CONFIRMED = 50_000;
    static final int BATCH = 1_000;
    /** Older versions are deleted; a few are kept to look back at. */
    static final int KEEP_VERSIONS = 5;

    private static final Logger log = LoggerFactory.getLogger(ModelTraining.class);

    private final JdbcClient jdbc;
    private final ClassifierState state;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ModelTraining(JdbcClient jdbc, ClassifierState state, Clock clock,
            ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.state = state;
        this.clock = clock;
    }

    /** Trains and stores the next model version; a concurrent retrain that stored the same version first is a 409. */
    @Transactional
    public ModelInfo retrain(String trigger) {
        Instant now = clock.instant();
        List<ClassifierModel.Example> confirmed = confirmedExamples();
        long version = state.newestModelVersion() + 1;
        ClassifierModel model = ClassifierModel.train(version, now, DefaultRules.seed(), confirmed, ClassifyText.standard());
        try {
            jdbc.sql("""
                    insert into classification_model (version, trained_at, trigger_kind, seed_examples, confirmed_examples,
                      vocabulary_size, content) values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(version, Timestamp.from(now), trigger, model.seedExamples(), model.confirmedExamples(),
                            model.vocabularySize(), model.toBytes()).update();
        } catch (DuplicateKeyException raced) {
            throw new ConflictException("Another retraining stored model version " + version + " just now; try again.");
        }
        jdbc.sql("delete from classification_model where version <= ?").param(version - KEEP_VERSIONS).update();
        events.publishEvent(new ClassifierState.Changed());
        log.info("Classifier model {} trained ({}): {} seed and {} confirmed examples, {} features", version, trigger,
                model.seedExamples(), model.confirmedExamples(), model.vocabularySize());
        return info(model, trigger);
    }

    /** The scheduled run: retrains only when agents confirmed or corrected something since the stored model. */
    @Transactional
    public Optional<ModelInfo> retrainIfNewConfirmations() {
        Instant since = jdbc.sql("select max(trained_at) from classification_model").query((rs, n) -> {
            Timestamp t = rs.getTimestamp(1);
            return t == null ? Instant.EPOCH : t.toInstant();
        }).single();
        if (confirmationsSince(since) == 0 && state.newestModelVersion() > 0) {
            return Optional.empty();
        }
        return Optional.of(retrain(SCHEDULE));
    }

    /** The model this node uses now (reloading first if the stored version changed). */
    @Transactional(readOnly = true)
    public ModelInfo current() {
        ClassifierModel model = state.refreshNow().classifier().model();
        String trigger = model.version() == 0 ? "SEED" : jdbc.sql("select trigger_kind from classification_model where version = ?")
                .param(model.version()).query(String.class).optional().orElse("?");
        return info(model, trigger);
    }

    private ModelInfo info(ClassifierModel model, String trigger) {
        return new ModelInfo(model.version(), model.trainedAt(), trigger, model.seedExamples(), model.confirmedExamples(),
                model.vocabularySize(), model.typeLabels(), model.topicLabels(), confirmationsSince(model.trainedAt()));
    }

    private long confirmationsSince(Instant since) {
        return jdbc.sql("select count(*) from ticket_classification where confirmed_at > ?").param(Timestamp.from(since))
                .query(Long.class).single();
    }

    private List<ClassifierModel.Example> confirmedExamples() {
        List<ClassifierModel.Example> out = new ArrayList<>();
        Timestamp beforeAt = null;
        long beforeId = Long.MAX_VALUE;
        while (out.size() < MAX_CONFIRMED) {
            record Row(String type, String topic, String text, Timestamp at, long id) {
            }
            List<Row> rows = (beforeAt == null
                    ? jdbc.sql("""
                            select confirmed_type, confirmed_topic, training_text, confirmed_at, ticket_id from ticket_classification
                            where confirmed_at is not null order by confirmed_at desc, ticket_id desc fetch first %d rows only"""
                            .formatted(BATCH))
                    : jdbc.sql("""
                            select confirmed_type, confirmed_topic, training_text, confirmed_at, ticket_id from ticket_classification
                            where confirmed_at < ? or (confirmed_at = ? and ticket_id < ?)
                            order by confirmed_at desc, ticket_id desc fetch first %d rows only""".formatted(BATCH))
                            .params(beforeAt, beforeAt, beforeId))
                    .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4), rs.getLong(5)))
                    .list();
            for (Row r : rows) {
                if (r.text() != null && !r.text().isBlank() && (r.type() != null || r.topic() != null)) {
                    out.add(new ClassifierModel.Example(r.type(), r.topic(), r.text()));
                }
            }
            if (rows.size() < BATCH) {
                break;
            }
            Row last = rows.getLast();
            beforeAt = last.at();
            beforeId = last.id();
        }
        return out;
    }
}
