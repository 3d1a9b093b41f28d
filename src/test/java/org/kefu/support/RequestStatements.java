package org.kefu.support;

import jakarta.servlet.Filter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Records the SQL statements one HTTP request runs, on whatever path they come (JPA, JDBC, the sign-in and token
 * checks before the controller): a request that sends the header {@value #HEADER} has every statement executed on
 * its thread (seen by {@link StatementLog}'s data source wrapper) recorded under the header's value. Requests
 * without the header and background work are not recorded.
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

    /** Called by {@link StatementLog}'s data source wrapper for every statement the desk executes. */
    static void record(String sql) {
        List<String> statements = CURRENT.get();
        if (statements != null) {
            statements.add(sql);
        }
    }
}
