package org.kefu.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.kefu.support.Api;
import tools.jackson.databind.JsonNode;

/** Teams, agents, customers and rules over the API, for the routing integration tests. */
final class RoutingFixtures {

    record AgentRef(long id, Api api) {

        void presence(String presence) {
            Api.Response r = api.put("/api/v1/me/presence", Map.of("presence", presence));
            assertThat(r.status()).as(r.raw()).isEqualTo(200);
        }
    }

    private final Api admin;
    private final Runnable settle;

    RoutingFixtures(Api admin) {
        this(admin, () -> { });
    }

    /** @param settle waits until assignment work started by earlier requests is done (it runs off the request) */
    RoutingFixtures(Api admin, Runnable settle) {
        this.admin = admin;
        this.settle = settle;
    }

    void settle() {
        settle.run();
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    long department() {
        Api.Response r = admin.post("/api/v1/departments", Map.of("code", unique("rd"), "name", unique("路由部门")));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.body().get("id").asLong();
    }

    long team(long departmentId) {
        Api.Response r = admin.post("/api/v1/teams", Map.of("name", unique("团队"), "departmentId", departmentId));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.body().get("id").asLong();
    }

    /** An agent of the team with the given maximum load and skills ("LANGUAGE:zh-CN:5", ...), OFFLINE. */
    AgentRef agent(String name, long departmentId, long teamId, int maxLoad, String... skills) {
        List<Map<String, Object>> skillList = new ArrayList<>();
        for (String s : skills) {
            String[] p = s.split(":");
            skillList.add(Map.of("kind", p[0], "value", p[1], "level", Integer.parseInt(p[2])));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email", unique("ra") + "@test.kefu.local");
        body.put("displayName", name);
        body.put("role", "AGENT");
        body.put("maxLoad", maxLoad);
        body.put("departmentIds", List.of(departmentId));
        body.put("teamIds", List.of(teamId));
        body.put("skills", skillList);
        Api.Response created = admin.post("/api/v1/agents", body);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        long id = created.body().get("id").asLong();
        Api.Response token = admin.post("/api/v1/api-tokens", Map.of("name", "routing", "agentId", id));
        assertThat(token.status()).as(token.raw()).isEqualTo(201);
        return new AgentRef(id, admin.as(token.body().get("secret").asString()));
    }

    void strategy(long teamId, String strategy) {
        Api.Response r = admin.put("/api/v1/routing/teams/" + teamId, Map.of("strategy", strategy));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
    }

    long customer(String language, String tier) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "路由客户");
        body.put("emails", List.of(unique("rc") + "@example.com"));
        body.put("preferredLanguage", language);
        if (tier != null) {
            body.put("tier", tier);
        }
        Api.Response r = admin.post("/api/v1/customers", body);
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.body().get("id").asLong();
    }

    long rule(Map<String, Object> body) {
        Api.Response r = admin.post("/api/v1/routing/rules", body);
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.body().get("id").asLong();
    }

    long open(long customerId, String channel, Object... more) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subject", "路由测试 " + unique("t"));
        body.put("description", "请帮我处理。");
        body.put("channel", channel);
        body.put("customerId", customerId);
        for (int i = 0; i < more.length; i += 2) {
            body.put((String) more[i], more[i + 1]);
        }
        Api.Response r = admin.post("/api/v1/tickets", body);
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.body().get("id").asLong();
    }

    JsonNode ticket(long id) {
        settle.run();
        Api.Response r = admin.get("/api/v1/tickets/" + id);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.body();
    }

    Long assignee(long ticketId) {
        JsonNode a = ticket(ticketId).get("assigneeId");
        return a == null || a.isNull() ? null : a.asLong();
    }

    /** The NOTICE entries on the ticket's timeline: key followed by its arguments. */
    List<List<String>> notices(long ticketId) {
        settle.run();
        Api.Response r = admin.get("/api/v1/tickets/" + ticketId + "/timeline?limit=100");
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        List<List<String>> result = new ArrayList<>();
        for (JsonNode e : r.body().get("items")) {
            if ("NOTICE".equals(e.path("eventType").asString(""))) {
                List<String> row = new ArrayList<>();
                row.add(e.get("eventData").get("key").asString());
                e.get("eventData").get("args").forEach(a -> row.add(a.asString()));
                result.add(row);
            }
        }
        return result;
    }

    JsonNode assignments(long ticketId) {
        settle.run();
        Api.Response r = admin.get("/api/v1/tickets/" + ticketId + "/assignments");
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.body();
    }
}
