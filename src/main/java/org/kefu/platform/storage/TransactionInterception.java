package org.kefu.platform.storage;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Role;
import org.springframework.transaction.TransactionManager;
import org.springframework.transaction.interceptor.TransactionAttribute;
import org.springframework.transaction.interceptor.TransactionAttributeSource;
import org.springframework.transaction.interceptor.TransactionInterceptor;
import org.springframework.util.StringUtils;

/**
 * The interceptor behind {@code @Transactional}. Spring Framework 7's own looks for a {@code @Qualifier} on the target
 * class on every call of a transactional method whose annotation names no transaction manager (an uncached annotation
 * scan: 3 % of the CPU of opening a ticket, which passes through a dozen transactional methods). With exactly one
 * transaction manager in the context, as here, that scan can only ever find the one manager, so this interceptor
 * answers it directly; with several it leaves the choice to Spring as before.
 */
@Configuration(proxyBeanMethods = false)
class TransactionInterception {

    /** Static, primary: the transaction advisor asks for a {@code TransactionInterceptor} early and gets this one. */
    @Bean
    @Primary
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static TransactionInterceptor singleManagerTransactionInterceptor(TransactionAttributeSource transactionAttributeSource) {
        SingleManagerTransactionInterceptor interceptor = new SingleManagerTransactionInterceptor();
        interceptor.setTransactionAttributeSource(transactionAttributeSource);
        return interceptor;
    }

    static final class SingleManagerTransactionInterceptor extends TransactionInterceptor {

        private volatile TransactionManager only;
        private volatile boolean resolved;

        @Override
        protected TransactionManager determineTransactionManager(TransactionAttribute txAttr) {
            if (txAttr == null || StringUtils.hasText(txAttr.getQualifier())) {
                return null; // Spring's own resolution, as without this interceptor
            }
            if (!resolved) {
                only = onlyManager();
                resolved = true;
            }
            return only;
        }

        /** The one transaction manager, or null when there are none or several (then Spring chooses per call). */
        private TransactionManager onlyManager() {
            if (!(getBeanFactory() instanceof ListableBeanFactory beans)) {
                return null;
            }
            String[] names = beans.getBeanNamesForType(TransactionManager.class);
            return names.length == 1 ? beans.getBean(names[0], TransactionManager.class) : null;
        }
    }
}
