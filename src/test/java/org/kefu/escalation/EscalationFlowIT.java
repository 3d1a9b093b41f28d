package org.kefu.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kefu.support.Api;
import org.kefu.support.IntegrationTest;
import org.kefu.support.Outbox;
import org.kefu.support.WebVisitor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.util.ReflectionTestUtils;
import tools.jackson.databind.JsonNode;

/**
 * Escalation rules, notifications and reminders end to end over HTTP: the sweeps are called with
 * the time the test wants, the way the db-scheduler task calls them with the clock's time.
 */
class EscalationFlowIT extends IntegrationTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    UnassignedSweep unassignedSweep;
    @Autowired
    ReminderSweep reminderSweep;
    @Autowired
    DemandDeadlineSweep demandSweep;
    @Autowired
    Escalations escalations;

    record Person(long id, String email, Api api) {
    }

    private Person agent(String role, long departmentId, List<Long> teamIds) {
        String email = unique("esc") + "@test.kefu.local";
        Api.Response created = admin.post("/api/v1/agents", Map.of("email", email, "displayName", "升级测试坐席",
                "role", role, "departmentIds", List.of(departmentId), "teamIds", teamIds, "password", "agent-password-123"));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        long id = created.body().get("id").asLong();
        Api.Response token = admin.post("/api/v1/api-tokens", Map.of("name", "test", "agentId", id));
        return new Person(id, email, admin.as(token.body().get("secret").asString()));
    }

    private long rule(Map<String, Object> fields) {
        Map<String, Object> body = new LinkedHashMap<>(fields);
        body.putIfAbsent("name", unique("规则"));
        Api.Response r = admin.post("/api/v1/escalation/rules", body);
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.body().get("id").asLong();
    }

    private JsonNode ticketById(long id) {
        return admin.get("/api/v1/tickets/" + id).body();
    }

    private List<JsonNode> notices(long ticketId) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode e : admin.get("/api/v1/tickets/" + ticketId + "/timeline?limit=100").body().get("items")) {
            if ("NOTICE".equals(e.path("eventType").asString(""))) {
                found.add(e);
            }
        }
        return found;
    }

    private static List<JsonNode> items(Api.Response r) {
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        List<JsonNode> list = new ArrayList<>();
        r.body().get("items").forEach(list::add);
        return list;
    }

    private List<JsonNode> notificationsOf(Person p) {
        return items(p.api().get("/api/v1/notifications?limit=100"));
    }

    private void slaSweep(Instant at) {
        ReflectionTestUtils.invokeMethod(context.getBean("slaSweep"), "sweep", at);
    }

    @Test
    void anSlaWarningFiresTheRuleOnceRaisingPriorityTaggingNotifyingAndNotingItOnTheTimeline() {
        long department = createDepartment("升级部");
        Person assignee = agent("AGENT", department, List.of());
        String tag = unique("escalated");
        long ruleId = rule(Map.of("trigger", "SLA_WARNING", "departmentId", department, "notifyAssignee", true,
                "raisePriority", "ONE_STEP", "addTag", tag));
        long id = openTicket(admin, ticket("快递一直没到", "请尽快处理", "departmentId", department, "assigneeId", assignee.id(),
                "priority", "P3")).get("id").asLong();
        JsonNode first = null;
        for (JsonNode c : admin.get("/api/v1/tickets/" + id + "/sla").body().get("clocks")) {
            if (c.get("metric").asString().equals("FIRST_RESPONSE")) {
                first = c;
            }
        }
        assertThat(first).as("the default email policy starts a first-response clock").isNotNull();
        Instant warnAt = Instant.parse(first.get("warnAt").asString());

        slaSweep(warnAt.minusSeconds(60));
        assertThat(notificationsOf(assignee)).isEmpty();

        slaSweep(warnAt);

        JsonNode t = ticketById(id);
        assertThat(t.get("priority").asString()).isEqualTo("P2");
        assertThat(t.get("tags").toString()).contains(tag);
        List<JsonNode> notes = notices(id);
        assertThat(notes).hasSize(1);
        assertThat(notes.getFirst().get("eventData").get("key").asString()).isEqualTo("escalation.notice.SLA_WARNING");
        assertThat(notes.getFirst().get("eventData").get("level").asString()).isEqualTo("WARNING");
        List<JsonNode> notified = notificationsOf(assignee);
        assertThat(notified).singleElement().satisfies(n -> {
            assertThat(n.get("ticketId").asLong()).isEqualTo(id);
            assertThat(n.get("messageKey").asString()).isEqualTo("escalation.notification.SLA_WARNING");
        });
        assertThat(Outbox.awaitMail(assignee.email(), 1).body()).contains(t.get("number").asString());
        assertThat(assignee.api().get("/api/v1/notifications/unread-count").body().get("unread").asLong()).isEqualTo(1);

        slaSweep(warnAt.plusSeconds(60));
        slaSweep(warnAt.plusSeconds(120));

        assertThat(notificationsOf(assignee)).hasSize(1);
        assertThat(notices(id)).hasSize(1);
        assertThat(ticketById(id).get("priority").asString()).isEqualTo("P2");
        JsonNode firings = admin.get("/api/v1/tickets/" + id + "/escalations").body();
        assertThat(firings).hasSize(1);
        assertThat(firings.get(0).get("ruleId").asLong()).isEqualTo(ruleId);

        Api.Response read = assignee.api().post("/api/v1/notifications/" + notified.getFirst().get("id").asLong() + "/read", Map.of());
        assertThat(read.status()).as(read.raw()).isEqualTo(200);
        assertThat(read.body().get("readAt").isNull()).isFalse();
        assertThat(assignee.api().get("/api/v1/notifications/unread-count").body().get("unread").asLong()).isZero();
    }

    @Test
    void aP1TicketLeftUnassignedForNMinutesIsMovedToTheRuleTeamOnce() {
        long department = createDepartment("一线");
        Api.Response team = admin.post("/api/v1/teams", Map.of("name", unique("二线"), "departmentId", department));
        assertThat(team.status()).as(team.raw()).isEqualTo(201);
        long teamId = team.body().get("id").asLong();
        Person lead = agent("SUPERVISOR", department, List.of(teamId));
        rule(Map.of("trigger", "UNASSIGNED", "threshold", 30, "minPriority", "P1", "departmentId", department,
                "reassignTeamId", teamId, "notifyTeam", true, "addTag", "unassigned-too-long"));
        Instant opened = Instant.now();
        long urgent = openTicket(admin, ticket("系统宕机", "全部订单无法支付", "departmentId", department, "priority", "P1"))
                .get("id").asLong();
        long normal = openTicket(admin, ticket("咨询发票", "如何开票", "departmentId", department, "priority", "P3"))
                .get("id").asLong();

        unassignedSweep.sweep(opened.plus(Duration.ofMinutes(10)));
        assertThat(ticketById(urgent).get("teamId").isNull()).isTrue();

        unassignedSweep.sweep(opened.plus(Duration.ofMinutes(31)));
        unassignedSweep.sweep(opened.plus(Duration.ofMinutes(32)));

        JsonNode moved = ticketById(urgent);
        assertThat(moved.get("teamId").asLong()).isEqualTo(teamId);
        assertThat(moved.get("tags").toString()).contains("unassigned-too-long");
        assertThat(ticketById(normal).get("teamId").isNull()).isTrue();
        assertThat(admin.get("/api/v1/tickets/" + urgent + "/escalations").body()).hasSize(1);
        assertThat(notices(urgent)).hasSize(1);
        assertThat(notificationsOf(lead)).singleElement()
                .satisfies(n -> assertThat(n.get("messageKey").asString()).isEqualTo("escalation.notification.UNASSIGNED"));
    }

    @Test
    void anAngryCustomerFiresTheRuleOnceAndACalmOneDoesNot() {
        long department = createDepartment("情绪升级");
        String tag = unique("angry");
        rule(Map.of("trigger", "ANGRY_CUSTOMER", "threshold", 50, "departmentId", department, "addTag", tag,
                "raisePriority", "P1"));
        long calm = openTicket(admin, ticket("发票", "你好，请帮我开一张发票，谢谢。", "departmentId", department,
                "priority", "P3")).get("id").asLong();
        assertThat(ticketById(calm).get("tags").toString()).doesNotContain(tag);

        Api.Response wrote = admin.post("/api/v1/tickets/" + calm + "/messages", Map.of("author", "CUSTOMER",
                "body", "一个星期了还没开好！！！再拖我就投诉到12315！"));
        assertThat(wrote.status()).as(wrote.raw()).isEqualTo(201);
        JsonNode escalated = ticketById(calm);
        assertThat(escalated.get("tags").toString()).contains(tag);
        assertThat(escalated.get("priority").asString()).isEqualTo("P1");
        admin.post("/api/v1/tickets/" + calm + "/messages", Map.of("author", "CUSTOMER", "body", "你们太过分了！！！我要曝光！"));
        assertThat(admin.get("/api/v1/tickets/" + calm + "/escalations").body()).as("once per ticket").hasSize(1);

        Api.Response bad = admin.post("/api/v1/escalation/rules", Map.of("name", "x", "trigger", "ANGRY_CUSTOMER",
                "threshold", 150, "addTag", "x"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.raw()).contains("threshold");
    }

    @Test
    void aVipCustomersSecondTicketWithinTheRuleDaysNotifiesTheSupervisors() {
        long department = createDepartment("贵宾服务");
        Person supervisor = agent("SUPERVISOR", department, List.of());
        rule(Map.of("trigger", "VIP_SECOND_CONTACT", "threshold", 7, "departmentId", department, "notifySupervisors", true));
        Api.Response vip = admin.post("/api/v1/customers", Map.of("name", "王先生", "emails",
                List.of(unique("vip") + "@example.com"), "tier", "VIP"));
        assertThat(vip.status()).as(vip.raw()).isEqualTo(201);
        long customerId = vip.body().get("id").asLong();
        Map<String, Object> firstFields = ticket("退款未到账", "第一次联系", "departmentId", department);
        firstFields.remove("customer");
        firstFields.put("customerId", customerId);
        openTicket(admin, firstFields);
        assertThat(notificationsOf(supervisor)).isEmpty();

        Map<String, Object> secondFields = ticket("退款还是没到", "第二次联系", "departmentId", department);
        secondFields.remove("customer");
        secondFields.put("customerId", customerId);
        long second = openTicket(admin, secondFields).get("id").asLong();

        assertThat(notificationsOf(supervisor)).singleElement().satisfies(n -> {
            assertThat(n.get("ticketId").asLong()).isEqualTo(second);
            assertThat(n.get("messageKey").asString()).isEqualTo("escalation.notification.VIP_SECOND_CONTACT");
        });
        Outbox.awaitMail(supervisor.email(), 1);

        // a regular customer's second ticket does not fire
        Map<String, Object> regular = ticket("普通客户", "第一次", "departmentId", department);
        String email = unique("reg") + "@example.com";
        regular.put("customer", Map.of("email", email, "name", "普通"));
        openTicket(admin, regular);
        regular.put("subject", "普通客户又来了");
        openTicket(admin, regular);
        assertThat(notificationsOf(supervisor)).hasSize(1);
    }

    @Test
    void aDueReminderNotifiesOnceByMailAndShowsInMyTasks() {
        long department = createDepartment("回访");
        Person agent = agent("AGENT", department, List.of());
        long id = openTicket(admin, ticket("需要回电", "客户要求明早回电", "departmentId", department, "assigneeId", agent.id()))
                .get("id").asLong();
        Instant due = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        Api.Response created = agent.api().post("/api/v1/tickets/" + id + "/reminders",
                Map.of("dueAt", due.atOffset(java.time.ZoneOffset.ofHours(8)).toString(), "note", "回电 <b>客户</b>"));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        long reminderId = created.body().get("id").asLong();
        assertThat(Instant.parse(created.body().get("dueAt").asString())).isEqualTo(due);

        reminderSweep.sweep(due.minusSeconds(1));
        assertThat(notificationsOf(agent)).isEmpty();

        reminderSweep.sweep(due.plusSeconds(1));
        reminderSweep.sweep(due.plusSeconds(60));

        assertThat(notificationsOf(agent)).singleElement()
                .satisfies(n -> assertThat(n.get("messageKey").asString()).isEqualTo("escalation.notification.REMINDER"));
        assertThat(Outbox.awaitMail(agent.email(), 1).body()).contains("回电 <b>客户</b>");
        assertThat(items(agent.api().get("/api/v1/reminders/mine"))).extracting(r -> r.get("id").asLong()).containsExactly(reminderId);
        assertThat(items(admin.get("/api/v1/reminders/mine"))).extracting(r -> r.get("id").asLong()).doesNotContain(reminderId);

        WebVisitor web = new WebVisitor(port);
        assertThat(web.agentSignIn(agent.email(), "agent-password-123").status()).isEqualTo(302);
        WebVisitor.Page tasks = web.get("/my/tasks");
        assertThat(tasks.status()).isEqualTo(200);
        assertThat(tasks.body()).contains("需要回电").contains("回电 &lt;b&gt;客户&lt;/b&gt;").doesNotContain("<b>客户</b>");
        WebVisitor.Page panel = web.get("/tickets/" + id + "/reminders");
        assertThat(panel.status()).isEqualTo(200);
        assertThat(panel.body()).contains("回电 &lt;b&gt;客户&lt;/b&gt;");
        assertThat(web.get("/notifications").body()).contains("需要回电");

        Api.Response done = agent.api().post("/api/v1/reminders/" + reminderId + "/done", Map.of());
        assertThat(done.status()).as(done.raw()).isEqualTo(200);
        assertThat(items(agent.api().get("/api/v1/reminders/mine"))).isEmpty();
        assertThat(items(agent.api().get("/api/v1/reminders/mine?state=done"))).hasSize(1);
    }

    @Test
    void aNearDemandDeadlineRemindsTheAssigneeOnce() {
        long department = createDepartment("时效");
        Person agent = agent("AGENT", department, List.of());
        Instant deadline = Instant.now().plus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS);
        openTicket(admin, ticket("三小时内答复", "客户要求今天答复", "departmentId", department, "assigneeId", agent.id(),
                "demand", "今天给出赔偿方案", "demandDeadline", deadline.toString()));

        demandSweep.sweep(deadline.minus(Duration.ofHours(3)));
        assertThat(notificationsOf(agent)).isEmpty();

        demandSweep.sweep(deadline.minus(Duration.ofMinutes(119)));
        demandSweep.sweep(deadline.minus(Duration.ofMinutes(60)));

        assertThat(notificationsOf(agent)).singleElement()
                .satisfies(n -> assertThat(n.get("messageKey").asString()).isEqualTo("escalation.notification.DEMAND_DEADLINE"));
        Outbox.awaitMail(agent.email(), 1);
    }

    @Test
    void twoNodesHandlingTheSameWarningAtOnceFireTheRuleOnce() throws Exception {
        long department = createDepartment("并发");
        Person assignee = agent("AGENT", department, List.of());
        rule(Map.of("trigger", "SLA_WARNING", "departmentId", department, "notifyAssignee", true, "notifyEmail", false,
                "raisePriority", "ONE_STEP"));
        long id = openTicket(admin, ticket("并发预警", "两个节点", "departmentId", department, "assigneeId", assignee.id(),
                "priority", "P4")).get("id").asLong();
        String occurrence = "SLA_WARNING:FIRST_RESPONSE:2026-12-02T10:00:00Z";
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(4);
        List<java.util.concurrent.Future<Integer>> nodes = new ArrayList<>();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(4)) {
            for (int i = 0; i < 4; i++) {
                nodes.add(pool.submit(() -> {
                    start.await();
                    return escalations.fireAll(EscalationTrigger.SLA_WARNING, id, occurrence);
                }));
            }
            int fired = 0;
            for (var n : nodes) {
                fired += n.get();
            }
            assertThat(fired).isEqualTo(1);
        }
        assertThat(admin.get("/api/v1/tickets/" + id + "/escalations").body()).hasSize(1);
        assertThat(notificationsOf(assignee)).hasSize(1);
        assertThat(ticketById(id).get("priority").asString()).isEqualTo("P3");
        assertThat(Outbox.to(assignee.email())).isEmpty();
    }

    @Test
    void rulesAreAdminWorkAndBadRulesAreRefusedNamingTheFields() {
        long department = createDepartment("规则");
        Person agent = agent("AGENT", department, List.of());
        Api.Response forbidden = agent.api().post("/api/v1/escalation/rules", Map.of("name", "x", "trigger", "SLA_BREACHED",
                "notifyAssignee", true));
        assertThat(forbidden.status()).isEqualTo(403);

        Api.Response bad = admin.post("/api/v1/escalation/rules", Map.of("name", "", "trigger", "NO_SUCH_TRIGGER"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.raw()).contains("name").contains("trigger").contains("actions");
        Api.Response noThreshold = admin.post("/api/v1/escalation/rules", Map.of("name", "x", "trigger", "UNASSIGNED",
                "notifySupervisors", true));
        assertThat(noThreshold.status()).isEqualTo(400);
        assertThat(noThreshold.raw()).contains("threshold");

        long id = rule(Map.of("trigger", "SLA_BREACHED", "notifySupervisors", true, "departmentId", department));
        Api.Response stale = admin.put("/api/v1/escalation/rules/" + id, Map.of("name", "y", "trigger", "SLA_BREACHED",
                "notifySupervisors", true, "version", 99));
        assertThat(stale.status()).isEqualTo(409);
        Api.Response off = admin.put("/api/v1/escalation/rules/" + id, Map.of("name", "y", "trigger", "SLA_BREACHED",
                "notifySupervisors", true, "active", false, "version", 0));
        assertThat(off.status()).as(off.raw()).isEqualTo(200);
        assertThat(off.body().get("active").asBoolean()).isFalse();
        assertThat(admin.delete("/api/v1/escalation/rules/" + id).status()).isEqualTo(204);
        assertThat(admin.get("/api/v1/escalation/rules/" + id).status()).isEqualTo(404);

        Api.Response badReminder = agent.api().post("/api/v1/tickets/" + openTicket(admin, ticket("x", "y", "departmentId", department))
                .get("id").asLong() + "/reminders", Map.of("dueAt", "tomorrow"));
        assertThat(badReminder.status()).isEqualTo(400);
        assertThat(badReminder.raw()).contains("dueAt");
    }
}
