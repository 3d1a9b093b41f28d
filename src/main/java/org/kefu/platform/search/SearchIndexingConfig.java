package org.kefu.platform.search;

import java.time.Clock;
import org.hibernate.search.engine.environment.bean.BeanReference;
import org.hibernate.search.mapper.pojo.work.IndexingPlanSynchronizationStrategy;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SearchIndexingConfig {

    static final String COORDINATION = "hibernate.search.coordination.strategy";
    static final String SYNCHRONIZATION = "hibernate.search.indexing.plan.synchronization.strategy";

    @Bean
    BackgroundIndexing backgroundIndexing(Clock clock) {
        return new BackgroundIndexing(clock);
    }

    /**
     * Without coordination (the default), changes are indexed in the background with the journal's book-keeping,
     * unless a synchronization strategy was set (the tests set {@code sync}). With {@code outbox-polling} Hibernate
     * Search refuses any strategy, and the journal stays off.
     */
    @Bean
    HibernatePropertiesCustomizer backgroundIndexingSettings(BackgroundIndexing indexing,
            @Value("${kefu.search.outbox.polling-interval:250}") String pollingInterval,
            @Value("${kefu.search.outbox.batch-size:200}") String batchSize) {
        return properties -> {
            Object coordination = properties.get(COORDINATION);
            if (coordination != null && coordination.toString().strip().equals("outbox-polling")) {
                properties.putIfAbsent("hibernate.search.coordination.event_processor.polling_interval", pollingInterval);
                properties.putIfAbsent("hibernate.search.coordination.event_processor.batch_size", batchSize);
            }
            Object synchronization = properties.get(SYNCHRONIZATION);
            boolean noCoordination = coordination == null || coordination.toString().isBlank()
                    || coordination.toString().strip().equals("none");
            if (noCoordination && (synchronization == null || synchronization.toString().isBlank())) {
                properties.put(SYNCHRONIZATION, BeanReference.<IndexingPlanSynchronizationStrategy>ofInstance(indexing));
                indexing.install();
            }
        };
    }
}
