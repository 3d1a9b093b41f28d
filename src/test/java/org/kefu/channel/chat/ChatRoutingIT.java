package org.kefu.channel.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kefu.support.Api;
import org.kefu.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * Waiting chats of a team with automatic routing are offered to the agent routing picks (here: a VIP
 * customer to the senior agent, although a junior colleague is just as free and would win "least
 * busy, lower id"); a team without automatic routing keeps least busy.
 */
class ChatRoutingIT extends IntegrationTest {

    private record Agent(long id, Api api) {
    }

    private Agent agent(long departmentId, long teamId, int skillLevel) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email", unique("chat-agent") + "@test.kefu.local");
        body.put("displayName", "坐席 " + skillLevel);
        body.put("role", "AGENT");
        body.put("maxLoad", 3);
        body.put("departmentIds", List.of(departmentId));
        body.put("teamIds", List.of(teamId));
        body.put("skills", List.of(Map.of("kind", "PRODUCT", "value", "会员卡", "level", skillLevel)));
        Api.Response created = admin.post("/api/v1/agents", body);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        long id = created.body().get("id").asLong();
        Api.Response token = admin.post("/api/v1/api-tokens", Map.of("name", "chat-routing", "agentId", id));
        assertThat(token.status()).as(token.raw()).isEqualTo(201);
        Api api = admin.as(token.body().get("secret").asString());
        assertThat(api.put("/api/v1/me/presence", Map.of("presence", "AVAILABLE")).status()).isEqualTo(200);
        return new Agent(id, api);
    }

    private String chatChannel(long departmentId, long teamId) {
        Api.Response channel = admin.post("/api/v1/channels/chat/channels", Map.of("name", unique("会员中心"),
                "departmentId", departmentId, "teamId", teamId, "allowedOrigins", List.of("https://vip.example.com")));
        assertThat(channel.status()).as(channel.raw()).isEqualTo(201);
        return channel.body().get("publicKey").asString();
    }

    /** A visitor with the given email starts a chat and writes; returns the offered agent (or null). */
    private Long chatOfferedTo(String key, String email, Api anyAgent) {
        Api visitor = new Api(port, null);
        Api.Response started = visitor.post("/chat/api/" + key + "/conversations", Map.of("name", "访客", "email", email));
        assertThat(started.status()).as(started.raw()).isEqualTo(200);
        String token = started.body().get("token").asString();
        Api.Response said = visitor.post("/chat/api/" + key + "/messages", Map.of("text", "我的会员卡不能用了"),
                Map.of("X-Chat-Token", token));
        assertThat(said.status()).as(said.raw()).isEqualTo(201);
        long conversationId = started.body().get("conversation").get("conversationId").asLong();
        for (JsonNode w : anyAgent.get("/api/v1/channels/chat/queue").body()) {
            if (w.get("id").asLong() == conversationId) {
                return w.get("offeredAgentId").isNull() ? null : w.get("offeredAgentId").asLong();
            }
        }
        throw new AssertionError("chat " + conversationId + " is not waiting");
    }

    private long team(long departmentId, String strategy) {
        Api.Response t = admin.post("/api/v1/teams", Map.of("name", unique("会员组"), "departmentId", departmentId));
        assertThat(t.status()).as(t.raw()).isEqualTo(201);
        long teamId = t.body().get("id").asLong();
        Api.Response s = admin.put("/api/v1/routing/teams/" + teamId, Map.of("strategy", strategy));
        assertThat(s.status()).as(s.raw()).isEqualTo(200);
        return teamId;
    }

    private String vipCustomer() {
        String email = unique("vip") + "@example.com";
        Api.Response c = admin.post("/api/v1/customers", Map.of("name", "贵宾", "emails", List.of(email), "tier", "VIP"));
        assertThat(c.status()).as(c.raw()).isEqualTo(201);
        return email;
    }

    @Test
    void aVipChatIsOfferedToTheSeniorAgentWhenTheTeamRoutesBySkillsAndLoad() {
        long department = createDepartment("会员服务");
        long team = team(department, "SKILLS_AND_LOAD");
        Agent junior = agent(department, team, 2); // created first: the lower id, least busy would pick them
        Agent senior = agent(department, team, 5);
        assertThat(junior.id()).isLessThan(senior.id());
        String key = chatChannel(department, team);

        assertThat(chatOfferedTo(key, vipCustomer(), junior.api())).isEqualTo(senior.id());
    }

    @Test
    void aTeamWithoutAutomaticRoutingKeepsLeastBusy() {
        long department = createDepartment("会员服务");
        long team = team(department, "MANUAL");
        Agent junior = agent(department, team, 2);
        agent(department, team, 5);
        String key = chatChannel(department, team);

        assertThat(chatOfferedTo(key, vipCustomer(), junior.api())).isEqualTo(junior.id());
    }
}
