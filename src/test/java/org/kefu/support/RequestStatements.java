package org.kefu.support;

import jakarta.servlet.Filter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Records the SQL statements one HTTP request runs, on whatever path they come (JPA, JDBC, the sign-in and token
 * checks before the controller): a request that sends the header {@value #HEADER} has every statement prepared on
 * its thread recorded under the header's value. Requests without the header and background work are not recorded.
 */
@Configuration(proxyBeanMethods = false)
public class RequestStatements {

    public static final String HEADER = "X-Test-Record-Statements";

    private static final ThreadLocal<List<String>> CURRENT = new ThreadLocal<>();
    private static final Map<String, List<String>> RECORDED = new ConcurrentHashMap<>();

    /** The statements the request sent with {@code HEADER: key} ran, in order. */
    public static List<String> of(String key) {
        List<String> statements = RECORDED.remove(key);
        if (statements == null) {
            throw new AssertionError("no request recorded statements under " + key);
        }
        return statements;
    }

    @Bean
    static BeanPostProcessor requestStatementsDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof DataSource ds && !(bean instanceof Recording) ? new Recording(ds) : bean;
            }
        };
    }

    @Bean
    FilterRegistrationBean<Filter> requestStatementsFilter() {
        Filter filter = (request, response, chain) -> {
            String key = request instanceof jakarta.servlet.http.HttpServletRequest http ? http.getHeader(HEADER) : null;
            if (key == null) {
                chain.doFilter(request, response);
                return;
            }
            List<String> statements = new ArrayList<>();
            CURRENT.set(statements);
            try {
                chain.doFilter(request, response);
            } finally {
                CURRENT.remove();
                RECORDED.put(key, List.copyOf(statements));
            }
        };
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    private static void record(String sql) {
        List<String> statements = CURRENT.get();
        if (statements != null) {
            statements.add(sql);
        }
    }

    static final class Recording extends DelegatingDataSource {

        Recording(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws java.sql.SQLException {
            return recording(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws java.sql.SQLException {
            return recording(super.getConnection(username, password));
        }

        private static Connection recording(Connection target) {
            return (Connection) Proxy.newProxyInstance(RequestStatements.class.getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, args) -> {
                        String name = method.getName();
                        if (name.equals("equals")) {
                            return proxy == args[0];
                        }
                        if (name.equals("hashCode")) {
                            return System.identityHashCode(proxy);
                        }
                        if ((name.equals("prepareStatement") || name.equals("prepareCall")) && args != null
                                && args[0] instanceof String sql) {
                            record(sql);
                        } else if (name.equals("createStatement")) {
                            record("(statement)");
                        }
                        try {
                            return method.invoke(target, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }
}
