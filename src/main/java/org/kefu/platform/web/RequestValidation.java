package org.kefu.platform.web;

import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import java.lang.annotation.ElementType;
import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The validator that checks request bodies ({@code @Valid}). Those are records, never JPA entities, and no entity
 * cascades validation ({@code @Valid} on an association), so Hibernate Validator's default, which asks JPA whether
 * every property is loaded before checking it (reflection per property, 1 % of opening a ticket), protects nothing.
 */
@Configuration(proxyBeanMethods = false)
class RequestValidation {

    @Bean
    ValidationConfigurationCustomizer everyPropertyReachable() {
        return configuration -> configuration.traversableResolver(new EveryPropertyReachable());
    }

    static final class EveryPropertyReachable implements TraversableResolver {

        @Override
        public boolean isReachable(Object bean, Path.Node property, Class<?> rootBeanType, Path path, ElementType type) {
            return true;
        }

        @Override
        public boolean isCascadable(Object bean, Path.Node property, Class<?> rootBeanType, Path path, ElementType type) {
            return true;
        }
    }
}
