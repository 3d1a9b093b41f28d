package org.kefu.escalation;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The persistent, cluster-safe timers of this module: one db-scheduler recurring task (table
 * scheduled_tasks, one node at a time) running the unassigned-ticket, reminder and demand-deadline
 * sweeps; each sweep is an indexed due-time scan.
 */
@Configuration(proxyBeanMethods = false)
class EscalationSchedule {

    @Bean
    RecurringTask<Void> escalationSweepTask(UnassignedSweep unassigned, ReminderSweep reminders,
                                            DemandDeadlineSweep demands, Clock clock,
                                            @Value("${kefu.escalation.sweep-interval:PT30S}") Duration interval) {
        return Tasks.recurring("escalation-sweep", FixedDelay.of(interval))
                .execute((instance, context) -> {
                    unassigned.sweep(clock.instant());
                    reminders.sweep(clock.instant());
                    demands.sweep(clock.instant());
                });
    }
}
