package org.kefu.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kefu.support.Api;
import org.kefu.support.IntegrationTest;
import org.kefu.support.WebVisitor;

/** The admin page 智能客服 and the report page over real HTTP, with the agents' sign-in. */
class BotPagesIT extends IntegrationTest {

    @Test
    void anAdminTurnsTheBotOnForAChannelAndChangesItsSettings() {
        Api.Response channel = admin.post("/api/v1/channels/chat/channels", Map.of("name", unique("页面渠道")));
        long channelId = channel.body().get("id").asLong();
        WebVisitor web = new WebVisitor(port);
        assertThat(web.agentSignIn("admin@test.kefu.local", "admin-password-123").status()).isEqualTo(302);

        WebVisitor.Page page = web.get("/admin/bot");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("data-bot-channel=\"" + channelId + "\"").contains("转人工");

        WebVisitor.Page saved = web.post("/admin/bot/channels/" + channelId, Map.of("enabled", "true", "vipSkips", "true"));
        assertThat(saved.redirectsTo("/admin/bot")).isTrue();
        JsonRules rules = new JsonRules(admin.get("/api/v1/bot/channels"));
        assertThat(rules.enabled(channelId)).isTrue();

        BotSettingsForm form = new BotSettingsForm();
        assertThat(web.post("/admin/bot", form.with("confidenceThreshold", "1.7")).redirectsTo("/admin/bot")).isTrue();
        assertThat(web.get("/admin/bot").body()).contains("confidenceThreshold");
        assertThat(admin.get("/api/v1/bot/settings").body().get("confidenceThreshold").asDouble()).isEqualTo(0.5);
    }

    @Test
    void supervisorsSeeTheReportAndAgentsDoNot() {
        long department = createDepartment("报表页");
        String supervisor = unique("sup") + "@test.kefu.local";
        String agent = unique("agent") + "@test.kefu.local";
        admin.post("/api/v1/agents", Map.of("email", supervisor, "displayName", "主管", "role", "SUPERVISOR",
                "departmentIds", List.of(department), "teamIds", List.of(), "password", "super-password-123"));
        admin.post("/api/v1/agents", Map.of("email", agent, "displayName", "坐席", "role", "AGENT",
                "departmentIds", List.of(department), "teamIds", List.of(), "password", "agent-password-123"));
        admin.post("/api/v1/bot/ask", Map.of("question", "我家宠物仓鼠" + unique("q") + "不吃饭怎么办"));

        WebVisitor boss = new WebVisitor(port);
        boss.agentSignIn(supervisor, "super-password-123");
        WebVisitor.Page report = boss.get("/bot/report");
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.body()).contains("data-figure=\"asked\"").contains("data-reason=\"LOW_CONFIDENCE\"")
                .contains("id=\"bot-gaps\"").contains("不吃饭怎么办");
        assertThat(boss.get("/bot/report?from=2026-05-01&to=2026-04-01").body()).contains("role=\"alert\"");
        assertThat(boss.get("/tickets").body()).contains("href=\"/bot/report\"");

        WebVisitor worker = new WebVisitor(port);
        worker.agentSignIn(agent, "agent-password-123");
        assertThat(worker.get("/bot/report").status()).isEqualTo(403);
        assertThat(worker.get("/admin/bot").status()).isEqualTo(403);
    }

    /** The settings form as the page posts it, with one field changed. */
    private static final class BotSettingsForm {
        Map<String, String> with(String field, String value) {
            Map<String, String> form = new java.util.HashMap<>(Map.of("confidenceThreshold", "0.5",
                    "greetingZhCn", "您好，我是智能客服，请问有什么可以帮您？", "greetingZhTw", "您好，我是智慧客服，請問有什麼可以幫您？",
                    "greetingEn", "Hello, I am the virtual assistant. How can I help you?", "handOffKeywords", ""));
            form.put(field, value);
            return form;
        }
    }

    private record JsonRules(Api.Response response) {
        boolean enabled(long channelId) {
            for (var rule : response.body()) {
                if (rule.get("channelId").asLong() == channelId) {
                    return rule.get("enabled").asBoolean();
                }
            }
            return false;
        }
    }
}
