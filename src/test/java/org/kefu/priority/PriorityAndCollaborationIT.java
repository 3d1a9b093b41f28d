package org.kefu.priority;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kefu.support.Api;
import org.kefu.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Priority scores, overrides, transfers and cross-department tasks end to end over real HTTP.
 * Tickets here are opened without a priority unless a test says otherwise, so the score sets it.
 */
class PriorityAndCollaborationIT extends IntegrationTest {

    @Autowired
    Prioritising prioritising;

    @Autowired
    TicketPriorityStore store;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    record Agent(long id, Api api) {
    }

    private Agent agent(String role, List<Long> departments) {
        Api.Response created = admin.post("/api/v1/agents", Map.of("email", unique("agent") + "@test.kefu.local",
                "displayName", unique("坐席"), "role", role, "departmentIds", departments, "teamIds", List.of()));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        long id = created.body().get("id").asLong();
        Api.Response token = admin.post("/api/v1/api-tokens", Map.of("name", "test", "agentId", id));
        return new Agent(id, admin.as(token.body().get("secret").asString()));
    }

    private long customer(String tier) {
        Api.Response r = admin.post("/api/v1/customers", Map.of("name", "客户", "emails",
                List.of(unique("c") + "@example.com"), "tier", tier));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.body().get("id").asLong();
    }

    private Map<String, Object> ticketFor(long customerId, String channel, Object... more) {
        Map<String, Object> fields = new LinkedHashMap<>(ticket("订单未送达", "我的订单三天没到", more));
        fields.remove("customer");
        fields.put("customerId", customerId);
        fields.put("channel", channel);
        return fields;
    }

    private JsonNode priority(Api as, long ticketId) {
        Api.Response r = as.get("/api/v1/tickets/" + ticketId + "/priority");
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.body();
    }

    private static JsonNode factor(JsonNode priority, String name) {
        for (JsonNode f : priority.get("factors")) {
            if (f.get("factor").asString().equals(name)) {
                return f;
            }
        }
        throw new AssertionError("no factor " + name + " in " + priority);
    }

    private List<JsonNode> timeline(Api as, long ticketId) {
        Api.Response r = as.get("/api/v1/tickets/" + ticketId + "/timeline?limit=100");
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        r.body().get("items").forEach(items::add);
        return items;
    }

    private List<JsonNode> notices(Api as, long ticketId, String key) {
        return timeline(as, ticketId).stream().filter(e -> "NOTICE".equals(e.get("eventType").asString(""))
                && key.equals(e.get("eventData").get("key").asString())).toList();
    }

    private long priorityChanges(long ticketId) {
        return timeline(admin, ticketId).stream().filter(e -> "PRIORITY_CHANGED".equals(e.get("eventType").asString(""))).count();
    }

    private String ticketPriority(long ticketId) {
        return admin.get("/api/v1/tickets/" + ticketId).body().get("priority").asString();
    }

    @Test
    void aVipChatWithANearDeadlineIsP1UrgentAndImportantAndSaysWhy() {
        Instant deadline = Instant.now().plus(1, ChronoUnit.HOURS);
        JsonNode ticket = openTicket(admin, ticketFor(customer("VIP"), "CHAT", "demandDeadline", deadline.toString()));
        long id = ticket.get("id").asLong();

        assertThat(ticket.get("priority").asString()).isEqualTo("P1");
        JsonNode p = priority(admin, id);
        assertThat(p.get("priority").asString()).isEqualTo("P1");
        assertThat(p.get("computedPriority").asString()).isEqualTo("P1");
        assertThat(p.get("automatic").asBoolean()).isTrue();
        assertThat(p.get("quadrant").asString()).isEqualTo("URGENT_IMPORTANT");
        assertThat(p.get("score").asInt()).isGreaterThanOrEqualTo(70);
        assertThat(factor(p, "URGENCY").get("value").asInt()).isEqualTo(100);
        assertThat(factor(p, "VALUE").get("value").asInt()).isEqualTo(100);
        assertThat(factor(p, "URGENCY").get("signals").toString()).contains("deadline").contains("channel");
        double points = 0;
        for (JsonNode f : p.get("factors")) {
            points += f.get("points").asDouble();
        }
        assertThat(points).isCloseTo(p.get("score").asDouble(), org.assertj.core.data.Offset.offset(0.6));
        // set once by the score, and the change did not trigger another one
        assertThat(priorityChanges(id)).isEqualTo(1);
    }

    @Test
    void aPriorityChosenWhenOpeningIsKept() {
        Instant deadline = Instant.now().plus(1, ChronoUnit.HOURS);
        long id = openTicket(admin, ticketFor(customer("VIP"), "CHAT", "demandDeadline", deadline.toString(), "priority", "P4"))
                .get("id").asLong();
        assertThat(ticketPriority(id)).isEqualTo("P4");
        JsonNode p = priority(admin, id);
        assertThat(p.get("computedPriority").asString()).isEqualTo("P1");
        assertThat(p.get("automatic").asBoolean()).isFalse();
        assertThat(p.get("override").get("origin").asString()).isEqualTo("OPENED");
    }

    @Test
    void aNearerDeadlineRaisesThePriorityOfAnAutomaticTicket() {
        long id = openTicket(admin, ticketFor(customer("REGULAR"), "EMAIL")).get("id").asLong();
        assertThat(ticketPriority(id)).isEqualTo("P3");
        assertThat(priority(admin, id).get("quadrant").asString()).isEqualTo("NEITHER");

        Api.Response patched = admin.patch("/api/v1/tickets/" + id,
                Map.of("demandDeadline", Instant.now().plus(1, ChronoUnit.HOURS).toString()));
        assertThat(patched.status()).as(patched.raw()).isEqualTo(200);

        assertThat(ticketPriority(id)).isEqualTo("P2");
        assertThat(priority(admin, id).get("quadrant").asString()).isEqualTo("URGENT_NOT_IMPORTANT");
    }

    @Test
    void anOverrideNeedsAReasonPinsThePriorityIsRecordedAndCanBeCleared() {
        long department = createDepartment(unique("售后"));
        Agent agent = agent("AGENT", List.of(department));
        long id = openTicket(agent.api(), ticketFor(customer("REGULAR"), "EMAIL", "departmentId", department)).get("id").asLong();
        assertThat(ticketPriority(id)).isEqualTo("P3");

        Api.Response noReason = agent.api().put("/api/v1/tickets/" + id + "/priority/override", Map.of("priority", "P1"));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.raw()).contains("reason");
        assertThat(ticketPriority(id)).isEqualTo("P3");

        Api.Response pinned = agent.api().put("/api/v1/tickets/" + id + "/priority/override",
                Map.of("priority", "P1", "reason", "客户是媒体记者，<b>舆情风险</b>"));
        assertThat(pinned.status()).as(pinned.raw()).isEqualTo(200);
        assertThat(pinned.body().get("override").get("origin").asString()).isEqualTo("OVERRIDE");
        assertThat(pinned.body().get("override").get("reason").asString()).isEqualTo("客户是媒体记者，<b>舆情风险</b>");
        assertThat(ticketPriority(id)).isEqualTo("P1");
        List<JsonNode> recorded = notices(agent.api(), id, "priority.override.notice");
        assertThat(recorded).hasSize(1);
        assertThat(recorded.getFirst().get("eventData").get("args").toString()).contains("P1").contains("舆情风险");
        assertThat(recorded.getFirst().get("authorId").asLong()).isEqualTo(agent.id());

        // inputs change: the score moves, the pinned priority does not
        admin.patch("/api/v1/tickets/" + id, Map.of("demandDeadline", Instant.now().plus(30, ChronoUnit.DAYS).toString()));
        assertThat(ticketPriority(id)).isEqualTo("P1");
        assertThat(priority(agent.api(), id).get("computedPriority").asString()).isEqualTo("P3");

        Api.Response cleared = agent.api().delete("/api/v1/tickets/" + id + "/priority/override");
        assertThat(cleared.status()).as(cleared.raw()).isEqualTo(200);
        assertThat(cleared.body().get("automatic").asBoolean()).isTrue();
        assertThat(ticketPriority(id)).isEqualTo("P3");
        assertThat(notices(agent.api(), id, "priority.override.cleared")).hasSize(1);
    }

    @Test
    void aPriorityChangedInTheTicketFieldsIsNotFoughtByTheScore() {
        long id = openTicket(admin, ticketFor(customer("REGULAR"), "EMAIL")).get("id").asLong();
        admin.patch("/api/v1/tickets/" + id, Map.of("priority", "P4"));
        admin.patch("/api/v1/tickets/" + id, Map.of("demandDeadline", Instant.now().plus(1, ChronoUnit.HOURS).toString()));
        assertThat(ticketPriority(id)).isEqualTo("P4");
        JsonNode p = priority(admin, id);
        assertThat(p.get("override").get("origin").asString()).isEqualTo("MANUAL");
        assertThat(p.get("computedPriority").asString()).isEqualTo("P2");
    }

    @Test
    void onlyAdminsChangeTheWeightsAndAZeroWeightRemovesAFactor() {
        long department = createDepartment(unique("客服"));
        Agent agent = agent("AGENT", List.of(department));
        assertThat(agent.api().get("/api/v1/priority/weights").status()).isEqualTo(403);
        JsonNode before = admin.get("/api/v1/priority/weights").body();
        Map<String, Object> weights = Map.of("urgencyWeight", 45, "impactWeight", 15, "valueWeight", 0,
                "complexityWeight", 10, "p1Min", 70, "p2Min", 45, "p3Min", 15);
        assertThat(agent.api().put("/api/v1/priority/weights", weights).status()).isEqualTo(403);
        Api.Response bad = admin.put("/api/v1/priority/weights", Map.of("urgencyWeight", 45, "impactWeight", 15,
                "valueWeight", 30, "complexityWeight", 10, "p1Min", 40, "p2Min", 45, "p3Min", 15));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.raw()).contains("p2Min");
        try {
            assertThat(admin.put("/api/v1/priority/weights", weights).status()).isEqualTo(200);
            long id = openTicket(admin, ticketFor(customer("VIP"), "EMAIL")).get("id").asLong();
            JsonNode p = priority(admin, id);
            assertThat(factor(p, "VALUE").get("value").asInt()).isZero();
            assertThat(factor(p, "VALUE").get("points").asDouble()).isZero();
            assertThat(p.get("quadrant").asString()).isEqualTo("NEITHER");
        } finally {
            Map<String, Object> restore = new LinkedHashMap<>();
            before.properties().forEach(e -> restore.put(e.getKey(), e.getValue().asInt()));
            assertThat(admin.put("/api/v1/priority/weights", restore).status()).isEqualTo(200);
        }
    }

    @Test
    void aTransferNeedsAReasonAndTheReceiverSeesItAndTheHistory() {
        long sales = createDepartment(unique("销售"));
        long aftersales = createDepartment(unique("售后"));
        Agent from = agent("AGENT", List.of(sales));
        Agent to = agent("AGENT", List.of(aftersales));
        long id = openTicket(from.api(), ticketFor(customer("REGULAR"), "EMAIL", "departmentId", sales)).get("id").asLong();
        assertThat(to.api().get("/api/v1/tickets/" + id).status()).isEqualTo(404);

        Api.Response noReason = from.api().post("/api/v1/tickets/" + id + "/transfer", Map.of("agentId", to.id()));
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.raw()).contains("reason");
        Api.Response blank = from.api().post("/api/v1/tickets/" + id + "/transfer", Map.of("agentId", to.id(), "reason", "  "));
        assertThat(blank.status()).isEqualTo(422);
        Api.Response two = from.api().post("/api/v1/tickets/" + id + "/transfer",
                Map.of("agentId", to.id(), "departmentId", aftersales, "reason", "x"));
        assertThat(two.status()).isEqualTo(400);
        assertThat(to.api().get("/api/v1/tickets/" + id).status()).isEqualTo(404);

        Api.Response done = from.api().post("/api/v1/tickets/" + id + "/transfer",
                Map.of("agentId", to.id(), "reason", "需要退款审批，转售后处理"));
        assertThat(done.status()).as(done.raw()).isEqualTo(201);

        JsonNode seen = to.api().get("/api/v1/tickets/" + id).body();
        assertThat(seen.get("assigneeId").asLong()).isEqualTo(to.id());
        assertThat(seen.get("departmentId").asLong()).isEqualTo(aftersales);
        JsonNode history = to.api().get("/api/v1/tickets/" + id + "/transfers").body();
        assertThat(history.get(0).get("reason").asString()).isEqualTo("需要退款审批，转售后处理");
        assertThat(history.get(0).get("fromAgentId").asLong()).isEqualTo(from.id());
        assertThat(notices(to.api(), id, "priority.transfer.notice")).hasSize(1);
        // the old department no longer sees it
        assertThat(from.api().get("/api/v1/tickets/" + id).status()).isEqualTo(404);
    }

    @Test
    void aQuestionToAnotherDepartmentIsAnsweredThereAndShownOnTheTimelineButNotToAThirdDepartment() {
        long sales = createDepartment(unique("销售"));
        long finance = createDepartment(unique("财务"));
        long legal = createDepartment(unique("法务"));
        Agent asker = agent("AGENT", List.of(sales));
        Agent accountant = agent("AGENT", List.of(finance));
        Agent lawyer = agent("AGENT", List.of(legal));
        long id = openTicket(asker.api(), ticketFor(customer("REGULAR"), "EMAIL", "departmentId", sales)).get("id").asLong();
        int complexityBefore = factor(priority(asker.api(), id), "COMPLEXITY").get("value").asInt();

        Api.Response blank = asker.api().post("/api/v1/tickets/" + id + "/tasks", Map.of("question", " ", "departmentId", finance));
        assertThat(blank.status()).isEqualTo(400);
        Api.Response asked = asker.api().post("/api/v1/tickets/" + id + "/tasks", Map.of("question", "这笔退款到账了吗？",
                "departmentId", finance, "dueAt", Instant.now().plus(1, ChronoUnit.DAYS).toString()));
        assertThat(asked.status()).as(asked.raw()).isEqualTo(201);
        long taskId = asked.body().get("id").asLong();
        assertThat(factor(priority(asker.api(), id), "COMPLEXITY").get("value").asInt()).isGreaterThan(complexityBefore);

        // the asked department sees the task with the ticket's number and subject, not the ticket
        Api.Response list = accountant.api().get("/api/v1/tasks?department=" + finance + "&state=OPEN");
        assertThat(list.status()).as(list.raw()).isEqualTo(200);
        JsonNode task = list.body().get("items").get(0);
        assertThat(task.get("id").asLong()).isEqualTo(taskId);
        assertThat(task.get("ticketSubject").asString()).isEqualTo("订单未送达");
        assertThat(task.get("canOpenTicket").asBoolean()).isFalse();
        assertThat(task.get("canAnswer").asBoolean()).isTrue();
        assertThat(accountant.api().get("/api/v1/tickets/" + id).status()).isEqualTo(404);

        // a third department sees nothing
        assertThat(lawyer.api().get("/api/v1/tasks/" + taskId).status()).isEqualTo(404);
        assertThat(lawyer.api().get("/api/v1/tasks?department=" + finance).status()).isEqualTo(403);
        assertThat(lawyer.api().get("/api/v1/tasks").body().get("items").toString()).doesNotContain("这笔退款到账了吗");
        assertThat(lawyer.api().post("/api/v1/tasks/" + taskId + "/answer", Map.of("answer", "x")).status()).isEqualTo(404);
        // the asker sees it but answers for no department
        assertThat(asker.api().post("/api/v1/tasks/" + taskId + "/answer", Map.of("answer", "x")).status()).isEqualTo(403);

        Api.Response answered = accountant.api().post("/api/v1/tasks/" + taskId + "/answer", Map.of("answer", "已于昨日到账"));
        assertThat(answered.status()).as(answered.raw()).isEqualTo(200);
        assertThat(answered.body().get("state").asString()).isEqualTo("ANSWERED");
        assertThat(accountant.api().post("/api/v1/tasks/" + taskId + "/answer", Map.of("answer", "again")).status())
                .isEqualTo(409);

        List<JsonNode> onTimeline = notices(asker.api(), id, "priority.task.answered");
        assertThat(onTimeline).hasSize(1);
        assertThat(onTimeline.getFirst().get("eventData").get("args").toString()).contains("已于昨日到账").contains("这笔退款到账了吗");
        assertThat(asker.api().get("/api/v1/tickets/" + id + "/tasks").body().get(0).get("answer").asString())
                .isEqualTo("已于昨日到账");
        assertThat(accountant.api().get("/api/v1/tasks?department=" + finance).body().get("items").toString())
                .doesNotContain("\"id\":" + taskId + ",");
    }

    @Test
    void theDepartmentTaskListPagesByCursor() {
        long sales = createDepartment(unique("销售"));
        long finance = createDepartment(unique("财务"));
        Agent asker = agent("AGENT", List.of(sales));
        Agent accountant = agent("AGENT", List.of(finance));
        long id = openTicket(asker.api(), ticketFor(customer("REGULAR"), "EMAIL", "departmentId", sales)).get("id").asLong();
        for (int i = 0; i < 3; i++) {
            assertThat(asker.api().post("/api/v1/tickets/" + id + "/tasks", Map.of("question", "问题 " + i, "departmentId", finance))
                    .status()).isEqualTo(201);
        }
        JsonNode first = accountant.api().get("/api/v1/tasks?limit=2").body();
        assertThat(first.get("items")).hasSize(2);
        JsonNode second = accountant.api().get("/api/v1/tasks?limit=2&cursor=" + first.get("nextCursor").asString()).body();
        assertThat(second.get("items")).hasSize(1);
        assertThat(second.get("items").get(0).get("question").asString()).isEqualTo("问题 2");
        assertThat(second.get("nextCursor").isNull()).isTrue();
    }

    @Test
    void theReviewSweepRecomputesScoresWhoseDeadlineCameNear() {
        long id = openTicket(admin, ticketFor(customer("REGULAR"), "EMAIL", "demandDeadline",
                Instant.now().plus(30, ChronoUnit.HOURS).toString())).get("id").asLong();
        assertThat(ticketPriority(id)).isEqualTo("P3");
        JsonNode p = priority(admin, id);
        Instant review = Instant.parse(p.get("nextReviewAt").asString());
        assertThat(review).isAfter(Instant.now()).isBefore(Instant.now().plus(30, ChronoUnit.HOURS));

        // time passes: the deadline is now an hour away (moved in the table, without any ticket event)
        jdbc.sql("update ticket set demand_deadline = ? where id = ?")
                .params(java.sql.Timestamp.from(Instant.now().plus(1, ChronoUnit.HOURS)), id).update();
        jdbc.sql("update ticket_priority_score set next_review_at = ? where ticket_id = ?")
                .params(java.sql.Timestamp.from(Instant.now().minusSeconds(1)), id).update();

        int reviewed = PriorityReview.review(prioritising, store, transactions, Instant.now());
        assertThat(reviewed).isGreaterThanOrEqualTo(1);
        assertThat(ticketPriority(id)).isEqualTo("P2");
        assertThat(priority(admin, id).get("nextReviewAt").isNull()).isTrue(); // the deadline signal is at its top
        assertThat(store.dueForReview(Instant.now(), 1000)).doesNotContain(id);
    }
}
