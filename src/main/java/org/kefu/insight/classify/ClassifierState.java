package org.kefu.insight.classify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.kefu.ticket.ComplaintType;
import org.kefu.ticket.TicketSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * This node's classifier: the rules and model as stored, reloaded when the stored rules version or newest model
 * version differs from what the node holds. The check is one small query at most every reload interval, so the create
 * path pays nothing per ticket; a change made on this node applies at once ({@link #refreshNow()}).
 */
@Component
class ClassifierState {

    private static final Logger log = LoggerFactory.getLogger(ClassifierState.class);

    private final JdbcClient jdbc;
    private final ClassificationRules rules;
    private final ClassificationTopics topics;
    private final TicketSettings ticketSettings;
    private final Clock clock;
    private final Duration reloadInterval;

    private volatile Snapshot snapshot;
    private volatile Instant checkedAt = Instant.MIN;

    /** What a node classifies with: the classifier and the candidate (active) types and topics. */
    record Snapshot(TextClassifier classifier, long rulesVersion, long modelVersion, List<String> types, List<String> topics) {
    }

    ClassifierState(JdbcClient jdbc, ClassificationRules rules, ClassificationTopics topics, TicketSettings ticketSettings,
            Clock clock, @Value("${kefu.classify.reload-interval:PT30S}") Duration reloadInterval) {
        this.jdbc = jdbc;
        this.rules = rules;
        this.topics = topics;
        this.ticketSettings = ticketSettings;
        this.clock = clock;
        this.reloadInterval = reloadInterval;
    }

    /** Published by whatever changes rules, topics or the model, so this node reloads after the commit. */
    record Changed() {
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void changed(Changed e) {
        checkedAt = Instant.MIN;
    }

    Snapshot current() {
        Snapshot held = snapshot;
        Instant now = clock.instant();
        if (held == null || checkedAt == Instant.MIN || !now.isBefore(checkedAt.plus(reloadInterval))) {
            return refresh(false);
        }
        return held;
    }

    Snapshot refreshNow() {
        return refresh(true);
    }

    private synchronized Snapshot refresh(boolean force) {
        Snapshot held = snapshot;
        Instant now = clock.instant();
        if (!force && held != null && checkedAt != Instant.MIN && now.isBefore(checkedAt.plus(reloadInterval))) {
            return held;
        }
        long rulesVersion = rules.version();
        long modelVersion = newestModelVersion();
        List<String> types = ticketSettings.complaintTypes().stream().filter(ComplaintType::isActive).map(ComplaintType::getCode).toList();
        List<String> topicCodes = topics.active().stream().map(Topic::code).toList();
        RuleSet ruleSet = held != null && held.rulesVersion() == rulesVersion ? held.classifier().rules()
                : RuleSet.compile(rules.all(), ClassifyText.standard());
        ClassifierModel model = held != null && held.modelVersion() == modelVersion ? held.classifier().model()
                : loadModel(modelVersion);
        Snapshot next = new Snapshot(new TextClassifier(ClassifyText.standard(), ruleSet, model), rulesVersion,
                model.version(), types, topicCodes);
        if (held == null || held.modelVersion() != next.modelVersion() || held.rulesVersion() != rulesVersion) {
            log.info("Classifier loaded: rules version {}, model version {}", rulesVersion, next.modelVersion());
        }
        snapshot = next;
        checkedAt = now;
        return next;
    }

    long newestModelVersion() {
        return jdbc.sql("select coalesce(max(version), 0) from classification_model").query(Long.class).single();
    }

    private ClassifierModel loadModel(long version) {
        if (version > 0) {
            Optional<byte[]> stored = jdbc.sql("select content from classification_model where version = ?").param(version)
                    .query((rs, n) -> rs.getBytes(1)).optional();
            if (stored.isPresent()) {
                try {
                    return ClassifierModel.fromBytes(stored.get());
                } catch (IllegalArgumentException unreadable) {
                    log.error("Stored classifier model {} is unreadable; using the seed model", version, unreadable);
                }
            }
        }
        return SeedModel.MODEL;
    }

    /** The seed model: trained from the shipped labelled set, the same on every node (training is deterministic). */
    static final class SeedModel {
        static final ClassifierModel MODEL = ClassifierModel.train(0, Instant.EPOCH, DefaultRules.seed(), List.of(),
                ClassifyText.standard());

        private SeedModel() {
        }
    }
}
