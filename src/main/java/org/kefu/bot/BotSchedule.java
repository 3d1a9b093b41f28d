package org.kefu.bot;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The persistent, cluster-safe sweep of idle bot chats: a db-scheduler recurring task (table scheduled_tasks). */
@Configuration(proxyBeanMethods = false)
class BotSchedule {

    @Bean
    RecurringTask<Void> botIdleChatsTask(BotIdleChats idleChats, Clock clock,
            @Value("${kefu.bot.idle-sweep-interval:PT1M}") Duration interval) {
        return Tasks.recurring("bot-idle-chats", FixedDelay.of(interval))
                .execute((instance, context) -> idleChats.sweep(clock.instant()));
    }
}
