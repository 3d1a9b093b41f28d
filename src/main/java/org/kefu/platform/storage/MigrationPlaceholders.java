package org.kefu.platform.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The few column types that H2 (PostgreSQL mode) and PostgreSQL spell differently, as Flyway
 * placeholders, so one set of migrations serves both. {@code ${blob}}: a large binary column as
 * Hibernate maps {@code @Lob byte[]} (H2 {@code binary large object}, PostgreSQL {@code bytea}).
 * {@code ${pg_only}}: nothing on PostgreSQL, a line comment on H2, so a statement on a line that starts with it runs
 * on PostgreSQL only (partial indexes, which H2 lacks).
 */
@Configuration(proxyBeanMethods = false)
class MigrationPlaceholders {

    @Bean
    FlywayConfigurationCustomizer columnTypePlaceholders() {
        return configuration -> {
            Map<String, String> placeholders = new HashMap<>(configuration.getPlaceholders());
            boolean h2 = isH2(configuration.getDataSource());
            placeholders.put("blob", h2 ? "binary large object" : "bytea");
            placeholders.put("pg_only", h2 ? "--" : "");
            configuration.placeholders(placeholders);
        };
    }

    private static boolean isH2(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("h2");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot tell which database the migrations run on", e);
        }
    }
}
