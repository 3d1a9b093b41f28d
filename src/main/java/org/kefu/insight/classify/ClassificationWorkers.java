package org.kefu.insight.classify;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import org.kefu.platform.work.BatchingWorkers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes suggestions off the thread whose commit opened the ticket ({@link BatchingWorkers}): at most
 * {@code kefu.classify.workers} runs use the database at once, each for up to {@code kefu.classify.batch-size} new
 * tickets in one transaction of its own (so a failure here never undoes or delays a ticket). A new ticket waits up
 * to {@code kefu.classify.linger} (default 250 ms) for others to go with it: at a ticket every few milliseconds that
 * is one transaction per quarter second instead of nearly one per ticket. A suggestion lost with
 * the node is made when the ticket's classification is first read.
 */
@Component
class ClassificationWorkers {

    private static final Logger log = LoggerFactory.getLogger(ClassificationWorkers.class);

    private final BatchingWorkers<Long> workers;

    ClassificationWorkers(ClassificationSuggestions suggestions, PlatformTransactionManager transactions,
            @Value("${kefu.classify.workers:2}") int workers, @Value("${kefu.classify.batch-size:100}") int batchSize,
            @Value("${kefu.classify.linger:250ms}") Duration linger) {
        TransactionTemplate separate = new TransactionTemplate(transactions);
        separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.workers = new BatchingWorkers<>(workers, batchSize, linger, Duration.ofSeconds(5),
                ticketIds -> separate.executeWithoutResult(tx -> suggestions.suggest(ticketIds)),
                (ticketId, e) -> log.warn("No classification suggestion for ticket {}; it is made when first read", ticketId, e));
    }

    void submit(long ticketId) {
        workers.add(ticketId);
    }

    /** Waits until no suggestion is queued or running; false on timeout. For tests and shutdown. */
    boolean awaitIdle(Duration timeout) {
        return workers.awaitIdle(timeout);
    }

    @PreDestroy
    void stop() {
        workers.close();
    }
}
