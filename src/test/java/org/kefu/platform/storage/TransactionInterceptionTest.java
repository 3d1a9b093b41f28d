package org.kefu.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.EnableTransactionManagement;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.BeanFactoryTransactionAttributeSourceAdvisor;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

class TransactionInterceptionTest {

    @Test
    void transactionalMethodsRunInTheOnlyManagersTransactions() {
        try (var context = new AnnotationConfigApplicationContext(OneManager.class)) {
            Work work = context.getBean(Work.class);
            RecordingManager manager = context.getBean("first", RecordingManager.class);

            work.write();
            work.read();

            assertThat(manager.begun).containsExactly("write", "read(read-only)");
            assertThat(manager.committed).isEqualTo(2);
            assertThat(context.getBean(BeanFactoryTransactionAttributeSourceAdvisor.class).getAdvice())
                    .isInstanceOf(TransactionInterception.SingleManagerTransactionInterceptor.class);
        }
    }

    @Test
    void withSeveralManagersSpringChoosesAsBefore() {
        try (var context = new AnnotationConfigApplicationContext(TwoManagers.class)) {
            context.getBean(Work.class).write();
            context.getBean(QualifiedWork.class).elsewhere();
            context.getBean(QualifiedWork.class).here();

            assertThat(context.getBean("first", RecordingManager.class).begun).containsExactly("write", "here");
            assertThat(context.getBean("second", RecordingManager.class).begun).containsExactly("elsewhere");
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableTransactionManagement
    @Import(TransactionInterception.class)
    static class OneManager {

        /** Primary for {@link TwoManagers}, which adds a second manager; alone it makes no difference. */
        @Bean
        @Primary
        RecordingManager first() {
            return new RecordingManager();
        }

        @Bean
        Work work() {
            return new Work();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @Import(OneManager.class)
    static class TwoManagers {

        @Bean
        RecordingManager second() {
            return new RecordingManager();
        }

        @Bean
        QualifiedWork qualifiedWork() {
            return new QualifiedWork();
        }
    }

    static class Work {

        @Transactional
        public void write() {
        }

        @Transactional(readOnly = true)
        public void read() {
        }
    }

    static class QualifiedWork {

        @Transactional("second")
        public void elsewhere() {
        }

        @Transactional("first")
        public void here() {
        }
    }

    /** Records which transactions began; the method name is the transaction's name. */
    static final class RecordingManager extends AbstractPlatformTransactionManager {

        final List<String> begun = new ArrayList<>();
        int committed;

        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
            String name = definition.getName() == null ? "?" : definition.getName();
            begun.add(name.substring(name.lastIndexOf('.') + 1) + (definition.isReadOnly() ? "(read-only)" : ""));
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
            committed++;
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
        }
    }
}
