package org.kefu.routing;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The persistent, cluster-safe routing sweep: a db-scheduler recurring task (table scheduled_tasks). */
@Configuration(proxyBeanMethods = false)
class RoutingSchedule {

    @Bean
    RecurringTask<Void> routingSweepTask(RoutingSweep sweep,
                                         @Value("${kefu.routing.sweep-interval:PT1M}") Duration interval) {
        return Tasks.recurring("routing-sweep", FixedDelay.of(interval)).execute((instance, context) -> sweep.sweep());
    }
}
