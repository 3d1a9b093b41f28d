package org.kefu.insight.classify;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The persistent, cluster-safe retraining: a db-scheduler recurring task (table scheduled_tasks), one node at a time. */
@Configuration(proxyBeanMethods = false)
class ClassificationSchedule {

    @Bean
    RecurringTask<Void> classificationRetrainTask(ModelTraining training,
            @Value("${kefu.classify.retrain-interval:PT6H}") Duration interval) {
        return Tasks.recurring("classification-retrain", FixedDelay.of(interval))
                .execute((instance, context) -> training.retrainIfNewConfirmations());
    }
}
