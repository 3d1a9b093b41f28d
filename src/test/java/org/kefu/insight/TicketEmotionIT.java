package org.kefu.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kefu.support.Api;
import org.kefu.support.IntegrationTest;
import org.kefu.support.PageSession;
import tools.jackson.databind.JsonNode;

/** Every customer message is read for emotion; the ticket shows the current one, its trend, and guidance when angry. */
class TicketEmotionIT extends IntegrationTest {

    @Test
    void eachCustomerMessageIsReadAndTheTicketShowsTheCurrentEmotionAndItsTrend() {
        long department = createDepartment("情绪");
        long id = openTicket(admin, ticket("快递到哪了", "请问我的快递什么时候能到？", "departmentId", department))
                .get("id").asLong();
        JsonNode first = admin.get("/api/v1/tickets/" + id + "/emotions").body();
        assertThat(first).hasSize(1);
        assertThat(first.get(0).get("label").asString()).isNotEqualTo("ANGRY");

        Api.Response angry = admin.post("/api/v1/tickets/" + id + "/messages", Map.of("author", "CUSTOMER",
                "body", "等了一个星期还没到！！！你们再不处理我就投诉到12315，还要曝光你们！"));
        assertThat(angry.status()).as(angry.raw()).isEqualTo(201);
        JsonNode readings = admin.get("/api/v1/tickets/" + id + "/emotions").body();
        assertThat(readings).hasSize(2);
        JsonNode now = readings.get(0);
        assertThat(now.get("label").asString()).isEqualTo("ANGRY");
        assertThat(now.get("threatensEscalation").asBoolean()).isTrue();
        assertThat(now.get("negative").asBoolean()).isTrue();
        assertThat(now.get("intensity").asDouble()).isBetween(0.0, 1.0);
        assertThat(now.get("cues").toString()).contains("ESCALATION_THREAT").contains("12315");
        JsonNode priority = admin.get("/api/v1/tickets/" + id + "/priority").body();
        assertThat(priority.toString()).as("anger is an urgency signal of the priority score")
                .contains("\"key\":\"emotion\"").contains("ANGRY");
        assertThat(admin.get("/api/v1/tickets/" + id).body().get("priority").asString()).isIn("P1", "P2");

        String email = unique("feel") + "@test.kefu.local";
        admin.post("/api/v1/agents", Map.of("email", email, "displayName", "安抚", "role", "AGENT",
                "departmentIds", List.of(department), "teamIds", List.of(), "password", "feel-password-123"));
        PageSession agent = PageSession.signIn(port, email, "feel-password-123");
        String panel = agent.get("/tickets/" + id + "/emotion").body();
        assertThat(panel).contains("愤怒").contains("扬言升级投诉").contains("先安抚情绪，再解决问题").contains("12315")
                .contains("变化");
        assertThat(agent.get("/tickets/" + id + "/emotion?lang=en").body()).contains("Angry").contains("Soothe first");
        assertThat(agent.get("/tickets/" + id).body()).contains("/tickets/" + id + "/emotion");
    }

    @Test
    void anAngryOpeningMessageIsReadOnceFromTheNewTicketAndRaisesItsPriorityWithoutReadingTheTimelineBack() {
        openTicket(admin, ticket("预热", "先开一张，读入参考数据"));
        List<org.kefu.support.StatementLog.Executed> statements = new java.util.ArrayList<>();
        long[] id = new long[1];
        statements.addAll(org.kefu.support.StatementLog.during(() -> id[0] = openTicket(admin, ticket("退款三次被拒",
                "你们太过分了！！！再不退款我就投诉到12315，还要找媒体曝光！")).get("id").asLong()));

        JsonNode readings = admin.get("/api/v1/tickets/" + id[0] + "/emotions").body();
        assertThat(readings).as("one reading for the one message").hasSize(1);
        assertThat(readings.get(0).get("label").asString()).isEqualTo("ANGRY");
        assertThat(readings.get(0).get("threatensEscalation").asBoolean()).isTrue();
        assertThat(admin.get("/api/v1/tickets/" + id[0] + "/priority").body().toString())
                .as("the score of the new ticket took the reading into account").contains("\"key\":\"emotion\"").contains("ANGRY");
        assertThat(statements.stream().filter(org.kefu.support.StatementLog.Executed::onRequestThread).toList())
                .as("the opening words come with the event: no select of timeline entries on the request thread")
                .isNotEmpty()
                .noneMatch(e -> e.isSelectFrom("timeline_entry"));
    }

    @Test
    void aCalmTicketGetsNoGuidanceAndOthersDepartmentsCannotReadIt() {
        long department = createDepartment("平静");
        long other = createDepartment("别处");
        long id = openTicket(admin, ticket("发票", "你好，麻烦帮我开一张发票，谢谢。", "departmentId", department))
                .get("id").asLong();
        String email = unique("calm") + "@test.kefu.local";
        admin.post("/api/v1/agents", Map.of("email", email, "displayName", "旁人", "role", "AGENT",
                "departmentIds", List.of(other), "teamIds", List.of(), "password", "calm-password-123"));
        Api outsider = agentIn("AGENT", List.of(other), List.of());
        assertThat(outsider.get("/api/v1/tickets/" + id + "/emotions").status()).isEqualTo(404);
        PageSession page = PageSession.signIn(port, email, "calm-password-123");
        assertThat(page.get("/tickets/" + id + "/emotion").status()).isEqualTo(404);

        JsonNode readings = admin.get("/api/v1/tickets/" + id + "/emotions").body();
        assertThat(readings.get(0).get("negative").asBoolean()).isFalse();
    }
}
