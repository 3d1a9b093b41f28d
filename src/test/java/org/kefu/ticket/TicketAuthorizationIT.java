package org.kefu.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kefu.support.Api;
import org.kefu.support.IntegrationTest;

class TicketAuthorizationIT extends IntegrationTest {

    @Test
    void anAgentOfDepartmentAGets404ForATicketOfDepartmentB() {
        long a = createDepartment("A 部门");
        long b = createDepartment("B 部门");
        Api agentA = agentIn("AGENT", List.of(a), List.of());
        String tag = unique("authz");
        long ticketOfA = openTicket(admin, ticket("A 的单子", "只属于 A 包裹", "departmentId", a, "tags", List.of(tag))).get("id").asLong();
        long ticketOfB = openTicket(admin, ticket("B 的单子", "只属于 B 包裹", "departmentId", b, "tags", List.of(tag))).get("id").asLong();

        assertThat(agentA.get("/api/v1/tickets/" + ticketOfA).status()).isEqualTo(200);
        Api.Response hidden = agentA.get("/api/v1/tickets/" + ticketOfB);
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.contentType()).startsWith("application/problem+json");
        assertThat(agentA.get("/api/v1/tickets/" + ticketOfB + "/timeline").status()).isEqualTo(404);
        assertThat(agentA.post("/api/v1/tickets/" + ticketOfB + "/notes", Map.of("body", "x")).status()).isEqualTo(404);
        assertThat(agentA.put("/api/v1/tickets/" + ticketOfB + "/status", Map.of("status", "OPEN")).status()).isEqualTo(404);

        assertThat(agentA.get("/api/v1/tickets?tag=" + tag).body().get("items").toString())
                .contains("A 的单子").doesNotContain("B 的单子");
        assertThat(agentA.get("/api/v1/tickets?q=" + Api.q("包裹") + "&tag=" + tag).body().get("items").toString())
                .contains("A 的单子").doesNotContain("B 的单子");
    }

    @Test
    void aSupervisorSeesItsTeamsTicketsAndAnAssigneeItsOwn() {
        long a = createDepartment("督导 A");
        long b = createDepartment("督导 B");
        long teamInB = admin.post("/api/v1/teams", Map.of("name", unique("B 组"), "departmentId", b)).body().get("id").asLong();
        Api supervisor = agentIn("SUPERVISOR", List.of(a), List.of(teamInB));
        Api agentOfA = agentIn("AGENT", List.of(a), List.of(teamInB));
        long ticketOfTeam = openTicket(admin, ticket("团队单", "x", "teamId", teamInB)).get("id").asLong();

        assertThat(supervisor.get("/api/v1/tickets/" + ticketOfTeam).status()).isEqualTo(200);
        assertThat(agentOfA.get("/api/v1/tickets/" + ticketOfTeam).status()).isEqualTo(404);

        long agentId = agentOfA.get("/api/v1/me").body().get("id").asLong();
        admin.put("/api/v1/tickets/" + ticketOfTeam + "/assignment", Map.of("teamId", teamInB, "assigneeId", agentId));
        assertThat(agentOfA.get("/api/v1/tickets/" + ticketOfTeam).status()).isEqualTo(200);
    }

    @Test
    void anAgentWhoTransfersATicketAwaySeesTheResultButNotTheTicketAfterwards() {
        long a = createDepartment("转出部门");
        long b = createDepartment("接收部门");
        Api agentA = agentIn("AGENT", List.of(a), List.of());
        long id = openTicket(agentA, ticket("需要转给 B", "x", "departmentId", a)).get("id").asLong();

        Api.Response transferred = agentA.put("/api/v1/tickets/" + id + "/assignment", Map.of("departmentId", b));

        assertThat(transferred.status()).isEqualTo(200);
        assertThat(transferred.body().get("departmentId").asLong()).isEqualTo(b);
        assertThat(agentA.get("/api/v1/tickets/" + id).status()).isEqualTo(404);
    }

    @Test
    void anAgentWhoOpensATicketForAnotherDepartmentGetsTheFullResultButCannotReadItAfterwards() {
        long a = createDepartment("受理部门");
        long b = createDepartment("处理部门");
        Api agentA = agentIn("AGENT", List.of(a), List.of());

        Api.Response created = agentA.post("/api/v1/tickets", ticket("转给处理部门", "  客户原话：包裹破损  ", "departmentId", b,
                "tags", List.of("转单")));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().get("departmentId").asLong()).isEqualTo(b);
        assertThat(created.body().get("customerWords").asString()).isEqualTo("客户原话：包裹破损");
        assertThat(created.body().get("tags").get(0).asString()).isEqualTo("转单");
        assertThat(created.body().get("customer").get("tier").asString()).isNotBlank();
        long id = created.body().get("id").asLong();
        assertThat(agentA.get("/api/v1/tickets/" + id).status()).isEqualTo(404);
        assertThat(admin.get("/api/v1/tickets/" + id).body().get("customerWords").asString()).isEqualTo("客户原话：包裹破损");
    }

    @Test
    void requestsWithoutAValidTokenGet401AndAgentsCannotDoAdminWork() {
        Api anonymous = admin.as(null);
        Api.Response none = anonymous.get("/api/v1/tickets");
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.contentType()).startsWith("application/problem+json");
        assertThat(admin.as("kefu_wrong").get("/api/v1/tickets").status()).isEqualTo(401);

        Api agent = agentIn("AGENT", List.of(createDepartment("普通")), List.of());
        Api.Response forbidden = agent.post("/api/v1/departments", Map.of("code", unique("x"), "name", "x"));
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(agent.get("/api/v1/audit-events").status()).isEqualTo(403);
    }

    @Test
    void aRevokedTokenStopsWorkingAndTheAuditLogRecordsBoth() {
        long agentId = admin.post("/api/v1/agents", Map.of("email", unique("t") + "@test.kefu.local", "displayName", "Token",
                "role", "AGENT")).body().get("id").asLong();
        Api.Response created = admin.post("/api/v1/api-tokens", Map.of("name", "integration", "agentId", agentId));
        assertThat(created.status()).isEqualTo(201);
        String secret = created.body().get("secret").asString();
        long tokenId = created.body().get("token").get("id").asLong();
        assertThat(admin.as(secret).get("/api/v1/me").status()).isEqualTo(200);
        assertThat(admin.get("/api/v1/api-tokens").raw()).doesNotContain(secret);

        assertThat(admin.delete("/api/v1/api-tokens/" + tokenId).status()).isEqualTo(200);

        assertThat(admin.as(secret).get("/api/v1/me").status()).isEqualTo(401);
        String audit = admin.get("/api/v1/audit-events?limit=100").raw();
        assertThat(audit).contains("TOKEN_CREATED", "TOKEN_REVOKED", "AGENT_CREATED");
    }

    @Test
    void aTokenInUseIsRefusedTheMomentItIsRevoked() {
        long agentId = admin.post("/api/v1/agents", Map.of("email", unique("t") + "@test.kefu.local", "displayName", "Busy",
                "role", "AGENT")).body().get("id").asLong();
        Api.Response created = admin.post("/api/v1/api-tokens", Map.of("name", "busy integration", "agentId", agentId));
        Api integration = admin.as(created.body().get("secret").asString());
        for (int i = 0; i < 5; i++) {
            assertThat(integration.get("/api/v1/me").status()).isEqualTo(200);
        }

        assertThat(admin.delete("/api/v1/api-tokens/" + created.body().get("token").get("id").asLong()).status()).isEqualTo(200);

        assertThat(integration.get("/api/v1/me").status()).isEqualTo(401);
        assertThat(integration.get("/api/v1/tickets").status()).isEqualTo(401);
    }

    @Test
    void anAgentMovedToAnotherDepartmentLosesSightOfTheOldOnesTicketsAtOnce() {
        long a = createDepartment("旧部门");
        long b = createDepartment("新部门");
        long agentId = admin.post("/api/v1/agents", Map.of("email", unique("m") + "@test.kefu.local", "displayName", "调岗",
                "role", "AGENT", "departmentIds", List.of(a))).body().get("id").asLong();
        Api agent = admin.as(admin.post("/api/v1/api-tokens", Map.of("name", "t", "agentId", agentId)).body().get("secret").asString());
        long id = openTicket(admin, ticket("留在旧部门", "x", "departmentId", a)).get("id").asLong();
        assertThat(agent.get("/api/v1/tickets/" + id).status()).isEqualTo(200);

        assertThat(admin.patch("/api/v1/agents/" + agentId, Map.of("departmentIds", List.of(b))).status()).isEqualTo(200);

        assertThat(agent.get("/api/v1/tickets/" + id).status()).isEqualTo(404);
    }

    @Test
    void aDeactivatedAgentsTokenIsRefusedAtOnce() {
        long agentId = admin.post("/api/v1/agents", Map.of("email", unique("d") + "@test.kefu.local", "displayName", "离职",
                "role", "AGENT")).body().get("id").asLong();
        Api agent = admin.as(admin.post("/api/v1/api-tokens", Map.of("name", "t", "agentId", agentId)).body().get("secret").asString());
        assertThat(agent.get("/api/v1/me").status()).isEqualTo(200);

        assertThat(admin.patch("/api/v1/agents/" + agentId, Map.of("active", false)).status()).isEqualTo(200);

        assertThat(agent.get("/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void lastUseIsRecordedOnFirstUseButNotRewrittenOnEveryRequest() {
        long agentId = admin.post("/api/v1/agents", Map.of("email", unique("u") + "@test.kefu.local", "displayName", "Use",
                "role", "AGENT")).body().get("id").asLong();
        Api.Response created = admin.post("/api/v1/api-tokens", Map.of("name", "use", "agentId", agentId));
        long tokenId = created.body().get("token").get("id").asLong();
        Api integration = admin.as(created.body().get("secret").asString());
        assertThat(lastUsedAt(tokenId)).isNull();

        integration.get("/api/v1/me");
        String first = lastUsedAt(tokenId);
        assertThat(first).isNotNull();
        integration.get("/api/v1/me");
        integration.get("/api/v1/me");

        assertThat(lastUsedAt(tokenId)).isEqualTo(first);
    }

    private String lastUsedAt(long tokenId) {
        for (var token : admin.get("/api/v1/api-tokens").body()) {
            if (token.get("id").asLong() == tokenId) {
                var value = token.get("lastUsedAt");
                return value == null || value.isNull() ? null : value.asString();
            }
        }
        throw new AssertionError("no token " + tokenId);
    }

    @Test
    void roleChangesAreAudited() {
        long agentId = admin.post("/api/v1/agents", Map.of("email", unique("r") + "@test.kefu.local", "displayName", "角色",
                "role", "AGENT")).body().get("id").asLong();
        assertThat(admin.patch("/api/v1/agents/" + agentId, Map.of("role", "SUPERVISOR")).body().get("role").asString())
                .isEqualTo("SUPERVISOR");
        assertThat(admin.get("/api/v1/audit-events?action=ROLE_CHANGED").raw()).contains("AGENT -> SUPERVISOR");
    }
}
