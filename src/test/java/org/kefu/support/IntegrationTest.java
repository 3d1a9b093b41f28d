package org.kefu.support;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Base of the API integration tests: the whole desk on a random port, over real HTTP, on H2 or
 * PostgreSQL. All subclasses share one Spring context; each test makes its own data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(StatementLog.class)
public abstract class IntegrationTest {

    public static final String ADMIN_TOKEN = "test-admin-token-0123456789";

    @LocalServerPort
    protected int port;

    protected Api admin;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @BeforeEach
    void connect() {
        admin = new Api(port, ADMIN_TOKEN);
    }

    protected static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    protected long createDepartment(String name) {
        Api.Response r = admin.post("/api/v1/departments", Map.of("code", unique("d"), "name", name));
        return r.body().get("id").asLong();
    }

    /** Creates an agent in the given departments and returns an API client acting as that agent. */
    protected Api agentIn(String role, List<Long> departmentIds, List<Long> teamIds) {
        Api.Response created = admin.post("/api/v1/agents", Map.of("email", unique("agent") + "@test.kefu.local",
                "displayName", "测试坐席", "role", role, "departmentIds", departmentIds, "teamIds", teamIds));
        long agentId = created.body().get("id").asLong();
        Api.Response token = admin.post("/api/v1/api-tokens", Map.of("name", "test", "agentId", agentId));
        return admin.as(token.body().get("secret").asString());
    }

    /** Creates an agent with a password in the department and returns a visitor signed in as that agent. */
    protected WebVisitor signedInAgent(String role, long departmentId) {
        String email = unique("web") + "@test.kefu.local";
        Api.Response created = admin.post("/api/v1/agents", Map.of("email", email, "displayName", "坐席", "role", role,
                "departmentIds", List.of(departmentId), "teamIds", List.of(), "password", "web-password-123"));
        if (created.status() != 201) {
            throw new AssertionError("agent not created: " + created.status() + " " + created.body());
        }
        WebVisitor web = new WebVisitor(port);
        WebVisitor.Page signedIn = web.agentSignIn(email, "web-password-123");
        if (signedIn.status() != 302 || signedIn.location() == null || signedIn.location().contains("error")) {
            throw new AssertionError("sign-in failed: " + signedIn.status() + " " + signedIn.location());
        }
        return web;
    }

    protected JsonNode openTicket(Api as, Map<String, Object> fields) {
        Api.Response r = as.post("/api/v1/tickets", fields);
        if (r.status() != 201) {
            throw new AssertionError("ticket not created: " + r.status() + " " + r.raw());
        }
        return r.body();
    }

    protected Map<String, Object> ticket(String subject, String description, Object... more) {
        Map<String, Object> fields = new java.util.LinkedHashMap<>();
        fields.put("subject", subject);
        fields.put("description", description);
        fields.put("channel", "EMAIL");
        fields.put("customer", Map.of("email", unique("c") + "@example.com", "name", "测试客户"));
        for (int i = 0; i < more.length; i += 2) {
            fields.put((String) more[i], more[i + 1]);
        }
        return fields;
    }

    /** The tickets a full-text search for {@code q} finds among those tagged {@code tag}. */
    protected List<JsonNode> searchHits(String q, String tag) {
        Api.Response r = admin.get("/api/v1/tickets?q=" + Api.q(q) + "&tag=" + tag);
        org.assertj.core.api.Assertions.assertThat(r.status()).isEqualTo(200);
        List<JsonNode> items = new java.util.ArrayList<>();
        r.body().get("items").forEach(items::add);
        return items;
    }

    /** Whether {@code condition} holds within {@code patience}, checked every 50 ms (background work, such as indexing). */
    protected static boolean eventually(java.time.Duration patience, java.util.function.BooleanSupplier condition) {
        java.time.Instant deadline = java.time.Instant.now().plus(patience);
        while (java.time.Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return condition.getAsBoolean();
    }
}
