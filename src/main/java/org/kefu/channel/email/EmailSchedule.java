package org.kefu.channel.email;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The email channel's persistent, cluster-safe tasks (db-scheduler: each runs on one node at a time). */
@Configuration(proxyBeanMethods = false)
class EmailSchedule {

    @Bean
    RecurringTask<Void> emailOutboxTask(OutboxDelivery delivery, Clock clock,
            @Value("${kefu.email.outbound.sweep-interval:PT15S}") Duration interval) {
        return Tasks.recurring("email-outbox", FixedDelay.of(interval))
                .execute((instance, context) -> delivery.deliverDue(clock.instant()));
    }

    /** Looks for mailboxes whose own poll interval has passed; each poll is short (at most max-per-poll mails). */
    @Bean
    RecurringTask<Void> emailImapPollTask(ImapPoller poller, Clock clock,
            @Value("${kefu.email.imap.check-interval:PT10S}") Duration interval) {
        return Tasks.recurring("email-imap-poll", FixedDelay.of(interval))
                .execute((instance, context) -> poller.pollDue(clock.instant()));
    }
}
