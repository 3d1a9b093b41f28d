package org.kefu.channel.webhook;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The persistent, cluster-safe delivery of replies: one db-scheduler one-time task per reply
 * (task data: the outbox row id). A failed attempt is retried with exponential back-off
 * ({@code kefu.channel.webhook.retry-delay} doubling each time) up to
 * {@code kefu.channel.webhook.max-attempts}; then the reply is given up and the ticket shows it.
 */
@Configuration(proxyBeanMethods = false)
class ReplyDeliveryTask {

    static final String NAME = "webhook-reply";

    @Bean
    OneTimeTask<Long> webhookReplyTask(ReplySender sender,
            @Value("${kefu.channel.webhook.max-attempts:8}") int maxAttempts,
            @Value("${kefu.channel.webhook.retry-delay:PT30S}") Duration firstDelay) {
        return Tasks.oneTime(NAME, Long.class)
                .onFailure(new Backoff(sender, maxAttempts, firstDelay))
                .execute((instance, context) -> sender.deliver(instance.getData()));
    }

    /** Exponential back-off, then give up (capped at one day between attempts). */
    record Backoff(ReplySender sender, int maxAttempts, Duration firstDelay) implements FailureHandler<Long> {

        @Override
        public void onFailure(ExecutionComplete complete, ExecutionOperations<Long> operations) {
            int failures = complete.getExecution().consecutiveFailures + 1;
            if (failures >= maxAttempts) {
                sender.giveUp((Long) complete.getExecution().taskInstance.getData());
                operations.stop();
                return;
            }
            Duration delay = firstDelay.multipliedBy(1L << Math.min(failures - 1, 20));
            if (delay.compareTo(Duration.ofDays(1)) > 0) {
                delay = Duration.ofDays(1);
            }
            operations.reschedule(complete, complete.getTimeDone().plus(delay));
        }
    }
}
