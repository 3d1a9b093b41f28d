package org.kefu.insight.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kefu.support.Api;
import org.kefu.support.IntegrationTest;
import org.kefu.ticket.TicketSettings;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Suggestions for new tickets, confirming and correcting them, retraining, rules and topics over the API. */
class TicketClassificationIT extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ClassificationRules rules;
    @Autowired
    ClassificationTopics topics;
    @Autowired
    TicketSettings ticketSettings;
    @Autowired
    ModelTraining training;
    @Autowired
    ClassificationWorkers workers;

    @Test
    void aNewTicketGetsASuggestionAndConfirmingACorrectionSetsTheTypeOnTheTimeline() {
        long department = createDepartment("分类");
        Api agent = agentIn("AGENT", List.of(department), List.of());
        long id = openTicket(agent, ticket("快递一直没到", "我的包裹五天了还没收到，物流信息也不更新，快递是不是丢了？",
                "departmentId", department)).get("id").asLong();

        assertThat(workers.awaitIdle(Duration.ofSeconds(30))).isTrue();
        Map<String, Object> stored = jdbc.sql("select suggested_topic, model_version, rule_hits from ticket_classification where ticket_id = ?")
                .param(id).query().singleRow();
        assertThat(stored.get("suggested_topic")).as("stored when the ticket was opened").isEqualTo("LOGISTICS");

        JsonNode suggestion = agent.get("/api/v1/tickets/" + id + "/classification").body();
        assertThat(suggestion.get("suggestedTopic").asString()).isEqualTo("LOGISTICS");
        assertThat(suggestion.get("suggestedType").asString()).isEqualTo("SERVICE_ERROR");
        assertThat(suggestion.get("topicConfidence").asDouble()).isBetween(0.3, 1.0);
        assertThat(suggestion.get("rules").toString()).contains("keyword");
        assertThat(suggestion.get("confirmedAt").isNull()).isTrue();

        Api.Response confirmed = agent.post("/api/v1/tickets/" + id + "/classification/confirm",
                Map.of("complaintType", "CUSTOMER_MISUNDERSTANDING", "topic", "LOGISTICS"));
        assertThat(confirmed.status()).as(confirmed.raw()).isEqualTo(200);
        assertThat(confirmed.body().get("confirmedType").asString()).isEqualTo("CUSTOMER_MISUNDERSTANDING");
        assertThat(confirmed.body().get("corrected").asBoolean()).isTrue();
        assertThat(confirmed.body().get("confirmedBy").isNull()).isFalse();
        assertThat(agent.get("/api/v1/tickets/" + id).body().get("complaintType").asString()).isEqualTo("CUSTOMER_MISUNDERSTANDING");
        String timeline = agent.get("/api/v1/tickets/" + id + "/timeline?limit=100").raw();
        assertThat(timeline).contains("complaintType").contains("CUSTOMER_MISUNDERSTANDING").contains("测试坐席");
        assertThat(jdbc.sql("select training_text from ticket_classification where ticket_id = ?").param(id).query(String.class).single())
                .contains("包裹五天了还没收到");
    }

    @Test
    void ticketsOpenedTogetherAreEachSuggestedForTheirOwnText() throws Exception {
        String[][] cases = {{"快递一直没到", "包裹五天了还没收到，物流信息也不更新", "LOGISTICS"},
                {"杯子裂了", "新买的玻璃杯有裂纹，是做工质量问题", "QUALITY"}};
        List<long[]> opened = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(6)) {
            for (int i = 0; i < 24; i++) {
                int which = i % 2;
                pool.submit(() -> opened.add(new long[] {openTicket(admin, ticket(cases[which][0], cases[which][1]))
                        .get("id").asLong(), which}));
            }
        }
        assertThat(opened).hasSize(24);
        assertThat(workers.awaitIdle(Duration.ofSeconds(30))).isTrue();
        for (long[] t : opened) {
            assertThat(jdbc.sql("select suggested_topic from ticket_classification where ticket_id = ?").param(t[0])
                    .query(String.class).single()).as("ticket " + t[0]).isEqualTo(cases[(int) t[1]][2]);
        }
    }

    @Test
    void aTypeTheAgentAlreadySetIsComparedNotOverwritten() {
        long id = openTicket(admin, ticket("杯子裂了", "新买的玻璃杯有裂纹，是做工质量问题", "complaintType", "SERVICE_ERROR"))
                .get("id").asLong();
        JsonNode c = admin.get("/api/v1/tickets/" + id + "/classification").body();
        assertThat(c.get("currentType").asString()).isEqualTo("SERVICE_ERROR");
        assertThat(c.get("suggestedType").asString()).isEqualTo("PRODUCT_DEFECT");
        assertThat(c.get("agrees").asBoolean()).isFalse();
        assertThat(admin.get("/api/v1/tickets/" + id).body().get("complaintType").asString()).isEqualTo("SERVICE_ERROR");

        Api.Response topicOnly = admin.post("/api/v1/tickets/" + id + "/classification/confirm", Map.of("topic", "QUALITY"));
        assertThat(topicOnly.status()).as(topicOnly.raw()).isEqualTo(200);
        assertThat(topicOnly.body().get("confirmedType").asString()).isEqualTo("SERVICE_ERROR");
        assertThat(topicOnly.body().get("confirmedTopic").asString()).isEqualTo("QUALITY");
    }

    @Test
    void invalidRequestsAreProblemsThatSayWhatIsWrong() {
        long department = createDepartment("校验");
        long id = openTicket(admin, ticket("账单", "多扣了一笔年费", "departmentId", department)).get("id").asLong();
        Api.Response empty = admin.post("/api/v1/tickets/" + id + "/classification/confirm", Map.of());
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.contentType()).contains("application/problem+json");
        assertThat(empty.raw()).contains("complaintType");
        Api.Response unknownTopic = admin.post("/api/v1/tickets/" + id + "/classification/confirm", Map.of("topic", "NOPE"));
        assertThat(unknownTopic.status()).isEqualTo(400);
        assertThat(unknownTopic.raw()).contains("topic").contains("LOGISTICS");
        Api.Response unknownType = admin.post("/api/v1/tickets/" + id + "/classification/confirm", Map.of("complaintType", "NOPE"));
        assertThat(unknownType.status()).isEqualTo(400);
        assertThat(unknownType.raw()).contains("complaintType");

        Api outsider = agentIn("AGENT", List.of(createDepartment("别处")), List.of());
        assertThat(outsider.get("/api/v1/tickets/" + id + "/classification").status()).isEqualTo(404);
        assertThat(outsider.post("/api/v1/tickets/" + id + "/classification/confirm", Map.of("topic", "BILLING")).status())
                .isEqualTo(404);
        assertThat(outsider.post("/api/v1/admin/classification/retrain", Map.of()).status()).isEqualTo(403);
        assertThat(outsider.post("/api/v1/admin/classification/rules", Map.of("name", "x", "keywords", List.of("x"),
                "topic", "BILLING")).status()).isEqualTo(403);

        Map<String, Object> bad = new HashMap<>();
        bad.put("name", "");
        bad.put("keywords", List.of());
        bad.put("complaintType", "NOPE");
        bad.put("weight", 11);
        Api.Response rule = admin.post("/api/v1/admin/classification/rules", bad);
        assertThat(rule.status()).isEqualTo(400);
        assertThat(rule.raw()).contains("name").contains("keywords").contains("complaintType").contains("weight");
        assertThat(admin.post("/api/v1/admin/classification/topics", Map.of("code", "LOGISTICS", "nameZhCn", "a",
                "nameZhTw", "a", "nameEn", "a")).status()).isEqualTo(409);
        assertThat(admin.post("/api/v1/admin/classification/topics", Map.of("code", "X", "nameZhCn", "",
                "nameZhTw", "a", "nameEn", "a")).status()).isEqualTo(400);
    }

    @Test
    void rulesAndTopicsCanBeAddedChangedAndDeletedAndApplyToTheNextTicket() {
        String code = ("PET_" + unique("t").substring(2)).toUpperCase().replace('-', '_');
        Api.Response topic = admin.post("/api/v1/admin/classification/topics", Map.of("code", code, "nameZhCn", "宠物",
                "nameZhTw", "寵物", "nameEn", "Pets"));
        assertThat(topic.status()).as(topic.raw()).isEqualTo(201);
        String keyword = "喵喵罐头" + unique("k").substring(2, 6);
        Api.Response rule = admin.post("/api/v1/admin/classification/rules", Map.of("name", "宠物食品", "keywords",
                List.of(keyword), "topic", code, "weight", 8, "negatable", false));
        assertThat(rule.status()).as(rule.raw()).isEqualTo(201);
        long ruleId = rule.body().get("id").asLong();
        assertThat(admin.get("/api/v1/admin/classification/rules?limit=100").raw()).contains(keyword);

        // this node applies its own change at once (other nodes within the reload interval)
        long id = openTicket(admin, ticket("问题", "买的" + keyword + "有问题")).get("id").asLong();
        JsonNode c = admin.get("/api/v1/tickets/" + id + "/classification").body();
        assertThat(c.get("suggestedTopic").asString()).isEqualTo(code);

        Api.Response changed = admin.put("/api/v1/admin/classification/rules/" + ruleId, Map.of("name", "宠物食品",
                "keywords", List.of(keyword), "topic", code, "active", false));
        assertThat(changed.status()).as(changed.raw()).isEqualTo(200);
        assertThat(changed.body().get("active").asBoolean()).isFalse();
        assertThat(changed.body().get("weight").asDouble()).isEqualTo(8.0);
        assertThat(admin.delete("/api/v1/admin/classification/rules/" + ruleId).status()).isEqualTo(204);
        assertThat(admin.get("/api/v1/admin/classification/rules/" + ruleId).status()).isEqualTo(404);
        assertThat(admin.patch("/api/v1/admin/classification/topics/" + topic.body().get("id").asLong(),
                Map.of("active", false)).body().get("active").asBoolean()).isFalse();
    }

    @Test
    void retrainingStoresANewVersionThatAnotherNodeLoadsAndThatLearnedTheCorrections() {
        long before = admin.get("/api/v1/admin/classification/model").body().get("version").asLong();
        String text = "智能马桶盖的座圈加热失灵，冲水按钮也失灵" + unique("x");
        for (int i = 0; i < 4; i++) {
            long id = openTicket(admin, ticket("马桶盖失灵 " + i, text + i)).get("id").asLong();
            assertThat(admin.post("/api/v1/tickets/" + id + "/classification/confirm",
                    Map.of("complaintType", "PRODUCT_DEFECT", "topic", "TECHNICAL")).status()).isEqualTo(200);
        }
        assertThat(admin.get("/api/v1/admin/classification/model").body().get("confirmationsSince").asLong()).isPositive();

        assertThat(training.retrainIfNewConfirmations()).as("the scheduled task's work").isPresent();
        JsonNode model = admin.get("/api/v1/admin/classification/model").body();
        assertThat(model.get("version").asLong()).isGreaterThan(before);
        assertThat(model.get("trigger").asString()).isEqualTo(ModelTraining.SCHEDULE);
        assertThat(model.get("confirmedExamples").asInt()).isGreaterThanOrEqualTo(4);
        assertThat(jdbc.sql("select count(*) from classification_model where version = ?").param(model.get("version").asLong())
                .query(Long.class).single()).isEqualTo(1);

        ClassifierState otherNode = new ClassifierState(jdbc, rules, topics, ticketSettings, Clock.systemUTC(), Duration.ofMinutes(5));
        ClassifierState.Snapshot loaded = otherNode.current();
        assertThat(loaded.modelVersion()).isEqualTo(model.get("version").asLong());
        ClassificationSuggestion s = loaded.classifier().classify("马桶盖座圈加热失灵", Combination.Mode.MODEL, null, null);
        assertThat(s.topic()).isEqualTo("TECHNICAL");

        JsonNode manual = admin.post("/api/v1/admin/classification/retrain", Map.of()).body();
        assertThat(manual.get("version").asLong()).isEqualTo(model.get("version").asLong() + 1);
        assertThat(manual.get("trigger").asString()).isEqualTo(ModelTraining.ADMIN);
        assertThat(otherNode.refreshNow().modelVersion()).isEqualTo(manual.get("version").asLong());
    }
}
