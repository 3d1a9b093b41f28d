package org.kefu.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Chooses the database of an integration test run: H2 in memory, or a real PostgreSQL that the
 * tests start themselves (system property kefu.test.db=postgres, set by the second Failsafe run).
 */
public final class TestDatabase {

    private static EmbeddedPostgres postgres;

    private TestDatabase() {
    }

    public static boolean isPostgres() {
        return "postgres".equals(System.getProperty("kefu.test.db", "h2"));
    }

    public static synchronized void register(DynamicPropertyRegistry registry) {
        if (isPostgres()) {
            if (postgres == null) {
                try {
                    postgres = EmbeddedPostgres.builder().start();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        postgres.close();
                    } catch (IOException ignored) {
                        // the JVM is going away
                    }
                }));
            }
            registry.add("spring.datasource.url", () -> postgres.getJdbcUrl("postgres", "postgres"));
            registry.add("spring.datasource.username", () -> "postgres");
            registry.add("spring.datasource.password", () -> "postgres");
        } else {
            registry.add("spring.datasource.url",
                    () -> "jdbc:h2:mem:kefu;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
            registry.add("spring.datasource.username", () -> "sa");
            registry.add("spring.datasource.password", () -> "");
        }
    }
}
