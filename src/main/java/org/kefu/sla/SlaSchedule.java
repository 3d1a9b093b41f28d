package org.kefu.sla;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The persistent, cluster-safe SLA sweep: a db-scheduler recurring task (table scheduled_tasks). */
@Configuration(proxyBeanMethods = false)
class SlaSchedule {

    @Bean
    RecurringTask<Void> slaSweepTask(SlaSweep sweep, Clock clock,
                                     @Value("${kefu.sla.sweep-interval:PT30S}") Duration interval) {
        return Tasks.recurring("sla-sweep", FixedDelay.of(interval))
                .execute((instance, context) -> sweep.sweep(clock.instant()));
    }
}
