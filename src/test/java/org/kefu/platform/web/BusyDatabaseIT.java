package org.kefu.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.kefu.support.Api;
import org.kefu.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * When every database connection is busy for longer than the pool waits (a burst, a slow database), an API
 * call gets 503 with Retry-After and a problem+json body that says to retry, not a 500 "internal error";
 * and the desk answers normally again as soon as connections are free.
 */
@DirtiesContext
@TestPropertySource(properties = {
        "spring.datasource.hikari.maximum-pool-size=3",
        "spring.datasource.hikari.minimum-idle=3",
        "spring.datasource.hikari.connection-timeout=500"})
class BusyDatabaseIT extends IntegrationTest {

    @Autowired
    DataSource dataSource;

    @Test
    void aCallThatGetsNoConnectionIsTold503AndRetryAfterThenTheDeskRecovers() throws Exception {
        assertThat(admin.get("/api/v1/tickets?limit=1").status()).isEqualTo(200); // token known, pool warm

        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                held.add(dataSource.getConnection());
            }
            Api.Response busy = admin.post("/api/v1/tickets", ticket("停电了", "整栋楼没电"));

            assertThat(busy.status()).isEqualTo(503);
            assertThat(busy.contentType()).startsWith("application/problem+json");
            assertThat(busy.header("Retry-After")).isEqualTo("5");
            assertThat(busy.body().get("title").asString()).isEqualTo("Busy");
            assertThat(busy.raw()).doesNotContain("Hikari").doesNotContain("Exception");
        } finally {
            for (Connection c : held) {
                c.close();
            }
        }

        Api.Response afterwards = admin.post("/api/v1/tickets", ticket("停电了", "整栋楼没电"));
        assertThat(afterwards.status()).isEqualTo(201);
    }
}
