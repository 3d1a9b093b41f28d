package org.kefu.goals;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.kefu.support.Api;
import org.kefu.support.IntegrationTest;
import org.kefu.support.WebVisitor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Service goals over real HTTP: definitions, validation, and attainment counted per day, week and month in Asia/Shanghai. */
class ServiceGoalsIT extends IntegrationTest {

    private static final AtomicLong FAKE_TICKET = new AtomicLong(990_000_000L + (System.nanoTime() % 1_000_000) * 100);

    @Autowired
    JdbcClient jdbc;

    private Map<String, Object> goal(String name, Object... more) {
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("name", name);
        g.put("metric", "FIRST_RESPONSE");
        g.put("targetPercent", 70);
        g.put("threshold", "PT1H");
        g.put("calendarId", 2);
        for (int i = 0; i < more.length; i += 2) {
            g.put((String) more[i], more[i + 1]);
        }
        return g;
    }

    private long create(Map<String, Object> body) {
        Api.Response r = admin.post("/api/v1/goals", body);
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.body().get("id").asLong();
    }

    private JsonNode attainment(long goal, String period, String at) {
        Api.Response r = admin.get("/api/v1/goals/" + goal + "/attainment?period=" + period + "&zone=Asia/Shanghai"
                + (at == null ? "" : "&at=" + at));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.body();
    }

    /** An outcome as the goal records it: opened at, due by, and met at (null: not yet). */
    private void outcome(long goal, String opened, String deadline, String met) {
        jdbc.sql("insert into goal_outcome (goal_id, ticket_id, opened_at, deadline_at, met_at) values (?, ?, ?, ?, ?)")
                .params(goal, FAKE_TICKET.incrementAndGet(), Timestamp.from(Instant.parse(opened)),
                        Timestamp.from(Instant.parse(deadline)), met == null ? null : Timestamp.from(Instant.parse(met)))
                .update();
    }

    @Test
    void attainmentCountsTicketsOpenedInTheDayWeekAndMonthOfShanghai() {
        long department = createDepartment(unique("目标"));
        long goal = create(goal(unique("边界"), "departmentId", department));
        // Wednesday 2026-03-04 12:00 in Shanghai (UTC+8): day from 03-03T16:00Z, week from Monday 03-01T16:00Z,
        // month from 02-28T16:00Z
        String at = "2026-03-04T04:00:00Z";
        outcome(goal, "2026-02-28T15:59:59Z", "2026-02-28T16:59:59Z", "2026-02-28T16:10:00Z"); // Feb 28 23:59:59: not March
        outcome(goal, "2026-03-01T15:59:59Z", "2026-03-01T16:59:59Z", null); // Sun Mar 1 23:59:59: March, not this week; missed
        outcome(goal, "2026-03-01T16:00:00Z", "2026-03-01T17:00:00Z", "2026-03-01T16:30:00Z"); // Mon 00:00: week, met
        outcome(goal, "2026-03-03T15:59:59Z", "2026-03-03T16:59:59Z", "2026-03-03T16:59:59Z"); // Tue 23:59:59: met exactly at deadline
        outcome(goal, "2026-03-03T16:00:00Z", "2026-03-03T17:00:00Z", "2026-03-03T16:20:00Z"); // Wed 00:00: today, met
        outcome(goal, "2026-03-04T02:00:00Z", "2026-03-04T03:00:00Z", "2026-03-04T03:00:01Z"); // today, a second late: missed
        outcome(goal, "2026-03-31T16:00:00Z", "2026-03-31T17:00:00Z", "2026-03-31T16:01:00Z"); // April 1 in Shanghai

        JsonNode day = attainment(goal, "DAY", at);
        assertThat(day.get("from").asString()).isEqualTo("2026-03-03T16:00:00Z");
        assertThat(day.get("to").asString()).isEqualTo("2026-03-04T16:00:00Z");
        assertThat(day.get("met").asLong()).isEqualTo(1);
        assertThat(day.get("missed").asLong()).isEqualTo(1);
        assertThat(day.get("total").asLong()).isEqualTo(2);
        assertThat(day.get("percent").decimalValue()).isEqualByComparingTo("50.00");
        assertThat(day.get("attained").asBoolean()).isFalse();

        JsonNode week = attainment(goal, "WEEK", at);
        assertThat(week.get("firstDay").asString()).isEqualTo("2026-03-02");
        assertThat(week.get("lastDay").asString()).isEqualTo("2026-03-08");
        assertThat(week.get("met").asLong()).isEqualTo(3);
        assertThat(week.get("missed").asLong()).isEqualTo(1);
        assertThat(week.get("percent").decimalValue()).isEqualByComparingTo("75.00");
        assertThat(week.get("attained").asBoolean()).isTrue();

        JsonNode month = attainment(goal, "MONTH", at);
        assertThat(month.get("from").asString()).isEqualTo("2026-02-28T16:00:00Z");
        assertThat(month.get("met").asLong()).isEqualTo(3);
        assertThat(month.get("missed").asLong()).isEqualTo(2);
        assertThat(month.get("percent").decimalValue()).isEqualByComparingTo("60.00");
        assertThat(month.get("attained").asBoolean()).isFalse();

        // the same instants in UTC fall into other periods: Feb 28 15:59:59Z is in UTC's February, Mar 31 16:00Z in March
        Api.Response utc = admin.get("/api/v1/goals/" + goal + "/attainment?period=MONTH&zone=UTC&at=" + at);
        assertThat(utc.body().get("met").asLong()).isEqualTo(4);
        assertThat(utc.body().get("missed").asLong()).isEqualTo(2);
    }

    @Test
    void aGoalCountsRepliedTicketsAsMetAndUnansweredOnesAsPendingUntilTheirDeadline() {
        long department = createDepartment(unique("目标"));
        long goal = create(goal(unique("一小时"), "departmentId", department, "channel", "EMAIL", "targetPercent", 96.5));
        long answered = openTicket(admin, ticket("已回复", "你好", "departmentId", department)).get("id").asLong();
        openTicket(admin, ticket("未回复", "你好", "departmentId", department));
        openTicket(admin, ticket("聊天", "你好", "departmentId", department, "channel", "CHAT")); // not covered: chat
        assertThat(admin.post("/api/v1/tickets/" + answered + "/messages", Map.of("body", "已处理")).status()).isEqualTo(201);

        JsonNode today = attainment(goal, "DAY", null);
        assertThat(today.get("met").asLong()).isEqualTo(1);
        assertThat(today.get("missed").asLong()).isZero();
        assertThat(today.get("pending").asLong()).isEqualTo(1);
        assertThat(today.get("percent").decimalValue()).isEqualByComparingTo("100");
        assertThat(today.get("attained").asBoolean()).isTrue();
        assertThat(today.get("targetPercent").decimalValue()).isEqualByComparingTo("96.5");

        // a goal created afterwards measures the tickets already there
        long later = create(goal(unique("之后"), "departmentId", department));
        JsonNode measured = attainment(later, "MONTH", null);
        assertThat(measured.get("met").asLong() + measured.get("pending").asLong()).isEqualTo(3);
        assertThat(measured.get("met").asLong()).isEqualTo(1);

        // and a chat goal only covers chat tickets
        long chat = create(goal(unique("聊天"), "departmentId", department, "metric", "CHAT_FIRST_RESPONSE", "threshold", "PT15S"));
        assertThat(attainment(chat, "WEEK", null).get("pending").asLong()
                + attainment(chat, "WEEK", null).get("missed").asLong()).isEqualTo(1);
    }

    @Test
    void invalidGoalsAreRefusedNamingEachFieldAndAgentsMayNotDefineGoals() {
        Api.Response bad = admin.post("/api/v1/goals", Map.of("name", " ", "metric", "SPEED", "targetPercent", 101,
                "threshold", "2 hours", "calendarId", 2, "channel", "FAX"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.raw()).contains("name", "metric", "targetPercent", "threshold", "channel");
        Api.Response noCalendar = admin.post("/api/v1/goals", goal(unique("x"), "calendarId", 987654));
        assertThat(noCalendar.status()).isEqualTo(400);
        assertThat(noCalendar.raw()).contains("calendarId");
        assertThat(admin.get("/api/v1/goals/1/attainment?period=YEAR").status()).isEqualTo(400);

        long department = createDepartment(unique("d"));
        Api agent = agentIn("AGENT", List.of(department), List.of());
        assertThat(agent.post("/api/v1/goals", goal(unique("坐席"))).status()).isEqualTo(403);
        assertThat(agent.get("/api/v1/goals").status()).isEqualTo(200);
        Api supervisor = agentIn("SUPERVISOR", List.of(department), List.of());
        Api.Response made = supervisor.post("/api/v1/goals", goal(unique("主管")));
        assertThat(made.status()).as(made.raw()).isEqualTo(201);
        assertThat(supervisor.delete("/api/v1/goals/" + made.body().get("id").asLong()).status()).isEqualTo(204);
    }

    @Test
    void theGoalsPageShowsEachGoalWithItsAttainmentAndTheFormShowsErrorsNextToFields() {
        long department = createDepartment(unique("目标"));
        String name = unique("<b>页面</b>");
        long goal = create(goal(name, "departmentId", department));
        long ticket = openTicket(admin, ticket("页面", "你好", "departmentId", department)).get("id").asLong();
        admin.post("/api/v1/tickets/" + ticket + "/messages", Map.of("body", "好的"));

        WebVisitor web = new WebVisitor(port);
        web.agentSignIn("admin@test.kefu.local", "admin-password-123");
        WebVisitor.Page page = web.get("/goals");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("服务目标", "邮件 2 小时内首次响应", "在线聊天 15 秒内响应", "今天", "本周", "本月",
                "&lt;b&gt;页面&lt;/b&gt;", "data-goal-id=\"" + goal + "\"", "1 / 1 单按时完成", "is-attained")
                .doesNotContain("<b>页面</b>");

        assertThat(web.get("/goals/new").status()).isEqualTo(200);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", "");
        form.put("metric", "FIRST_RESPONSE");
        form.put("targetPercent", "abc");
        form.put("thresholdAmount", "-1");
        form.put("thresholdUnit", "h");
        form.put("calendarId", "1");
        WebVisitor.Page refused = web.post("/goals", form);
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("id=\"targetPercent-error\"", "id=\"threshold-error\"");
        form.put("targetPercent", "90");
        form.put("thresholdAmount", "2");
        WebVisitor.Page blankName = web.post("/goals", form);
        assertThat(blankName.body()).contains("id=\"name-error\"", "must not be blank");
        form.put("name", unique("表单目标"));
        assertThat(web.post("/goals", form).redirectsTo("/goals")).isTrue();
        assertThat(admin.get("/api/v1/goals").body().findValuesAsString("name")).contains(form.get("name"));
    }
}
