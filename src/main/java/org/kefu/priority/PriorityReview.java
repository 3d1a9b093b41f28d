package org.kefu.priority;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Time alone makes a ticket more urgent as its demand deadline nears. Each automatic score with a
 * deadline keeps the time its deadline signal will have risen by 5 points ({@code next_review_at},
 * indexed); this persistent, cluster-safe db-scheduler task ("priority-review") recomputes those that
 * are due, one transaction per ticket.
 */
@Configuration(proxyBeanMethods = false)
class PriorityReview {

    static final int BATCH = 200;
    static final int MAX_BATCHES = 10;

    @Bean
    RecurringTask<Void> priorityReviewTask(Prioritising prioritising, TicketPriorityStore store, TransactionTemplate transactions,
            Clock clock, @Value("${kefu.priority.review-interval:PT5M}") Duration interval) {
        return Tasks.recurring("priority-review", FixedDelay.of(interval))
                .execute((instance, context) -> review(prioritising, store, transactions, clock.instant()));
    }

    /** Recomputes the scores due for review by {@code now}; returns how many. */
    static int review(Prioritising prioritising, TicketPriorityStore store, TransactionTemplate transactions, Instant now) {
        int done = 0;
        for (int batch = 0; batch < MAX_BATCHES; batch++) {
            List<Long> due = store.dueForReview(now, BATCH);
            for (long ticketId : due) {
                transactions.executeWithoutResult(tx -> {
                    if (prioritising.recompute(ticketId, Prioritising.Start.EXISTING).isEmpty()) {
                        store.clearReview(ticketId);
                    }
                });
                done++;
            }
            if (due.size() < BATCH) {
                break;
            }
        }
        return done;
    }
}
