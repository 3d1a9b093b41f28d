package org.kefu.priority.web;

import org.kefu.support.PageSession;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.kefu.support.Api;
import org.kefu.support.IntegrationTest;

/** The ticket page's priority panel, the /tasks page and /admin/priority over HTTP, with the API's rules. */
class PriorityPagesIT extends IntegrationTest {

    private static final String PASSWORD = "prio-pass-12345";

    record Person(long id, PageSession page) {
    }

    private Person agent(String name, long department, String role) {
        String email = unique("prio") + "@test.kefu.local";
        Api.Response r = admin.post("/api/v1/agents", Map.of("email", email, "displayName", name, "role", role,
                "departmentIds", List.of(department), "teamIds", List.of(), "password", PASSWORD));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return new Person(r.body().get("id").asLong(), PageSession.signIn(port, email, PASSWORD));
    }

    private long vipChat(long department, String subject) {
        long customer = admin.post("/api/v1/customers", Map.of("name", "贵宾", "emails", List.of(unique("v") + "@example.com"),
                "tier", "VIP")).body().get("id").asLong();
        Map<String, Object> fields = new LinkedHashMap<>(ticket(subject, "急", "departmentId", department, "channel", "CHAT",
                "demandDeadline", Instant.now().plus(1, ChronoUnit.HOURS).toString()));
        fields.remove("customer");
        fields.put("customerId", customer);
        return openTicket(admin, fields).get("id").asLong();
    }

    @Test
    void thePanelExplainsTheScoreAndAnOverrideNeedsAReasonShownEscaped() {
        long department = createDepartment(unique("客服"));
        Person agent = agent("周敏", department, "AGENT");
        long id = vipChat(department, "系统故障");

        String page = agent.page().get("/tickets/" + id).body();
        assertThat(page).contains("id=\"ticket-priority\"").contains("/tickets/" + id + "/priority-panel");
        String panel = agent.page().get("/tickets/" + id + "/priority-panel").body();
        assertThat(panel).contains("紧急重要").contains("P1 紧急").contains("紧急程度").contains("客户价值")
                .contains("诉求时效").contains("按评分自动设定");

        PageSession.Page refused = agent.page().post("/tickets/" + id + "/priority-panel/override", Map.of("priority", "P3"));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("请填写指定优先级的原因");
        assertThat(admin.get("/api/v1/tickets/" + id).body().get("priority").asString()).isEqualTo("P1");

        String xss = "<script>window.__kefuXss=true</script>";
        PageSession.Page pinned = agent.page().post("/tickets/" + id + "/priority-panel/override",
                Map.of("priority", "P3", "reason", "客户要求稍后处理 " + xss));
        assertThat(pinned.header("HX-Trigger")).isEqualTo("kefu-ticket-changed");
        assertThat(pinned.body()).contains("周敏 手动指定").contains("&lt;script&gt;").doesNotContain(xss).contains("恢复自动");
        assertThat(admin.get("/api/v1/tickets/" + id).body().get("priority").asString()).isEqualTo("P3");
        assertThat(agent.page().get("/tickets/" + id + "/timeline").body()).contains("手动将优先级指定为 P3")
                .doesNotContain(xss);

        PageSession.Page cleared = agent.page().post("/tickets/" + id + "/priority-panel/clear", Map.of());
        assertThat(cleared.body()).contains("按评分自动设定");
        assertThat(admin.get("/api/v1/tickets/" + id).body().get("priority").asString()).isEqualTo("P1");
    }

    @Test
    void aTransferFromThePanelNeedsAReasonAndTheReceiverSeesTheBanner() {
        long sales = createDepartment(unique("销售"));
        long aftersales = createDepartment(unique("售后"));
        Person from = agent("张三", sales, "AGENT");
        Person to = agent("李四", aftersales, "AGENT");
        long id = vipChat(sales, "退款申请");

        PageSession.Page refused = from.page().post("/tickets/" + id + "/priority-panel/transfer",
                Map.of("target", "agent:" + to.id(), "reason", " "));
        assertThat(refused.body()).contains("转接必须填写原因");
        assertThat(to.page().get("/tickets/" + id).status()).isEqualTo(404);

        PageSession.Page done = from.page().post("/tickets/" + id + "/priority-panel/transfer",
                Map.of("target", "agent:" + to.id(), "reason", "需要售后审批"));
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.header("HX-Redirect")).isEqualTo("/tickets"); // it left the sender's departments

        String panel = to.page().get("/tickets/" + id + "/priority-panel").body();
        assertThat(panel).contains("转接自 张三（转给 李四）：需要售后审批");
        assertThat(to.page().get("/tickets/" + id + "/timeline").body()).contains("转接给 李四，原因：需要售后审批");
    }

    @Test
    void aDepartmentAnswersOnTheTasksPageAndTheAskerSeesTheAnswer() {
        long sales = createDepartment(unique("销售"));
        long finance = createDepartment(unique("财务"));
        long legal = createDepartment(unique("法务"));
        Person asker = agent("王五", sales, "AGENT");
        Person accountant = agent("赵六", finance, "AGENT");
        Person lawyer = agent("钱七", legal, "AGENT");
        long id = vipChat(sales, "发票<b>抬头</b>错误");

        PageSession.Page asked = asker.page().post("/tickets/" + id + "/priority-panel/tasks",
                Map.of("departmentId", String.valueOf(finance), "question", "能否重开发票？", "dueAt", "2030-01-01T10:00"));
        assertThat(asked.body()).contains("能否重开发票？").contains("待回答");

        String tasks = accountant.page().get("/tasks").body();
        assertThat(tasks).contains("能否重开发票？").contains("发票&lt;b&gt;抬头&lt;/b&gt;错误")
                .doesNotContain("href=\"/tickets/" + id + "\"");
        Matcher form = Pattern.compile("action=\"/tasks/(\\d+)/answer\"").matcher(tasks);
        assertThat(form.find()).isTrue();
        String taskId = form.group(1);
        assertThat(lawyer.page().get("/tasks").body()).doesNotContain("能否重开发票？");

        PageSession.Page answered = accountant.page().post("/tasks/" + taskId + "/answer", Map.of("answer", "可以，明天重开"));
        assertThat(answered.status()).isEqualTo(302);
        assertThat(accountant.page().get("/tasks").body()).doesNotContain("能否重开发票？");

        assertThat(asker.page().get("/tickets/" + id + "/priority-panel").body()).contains("可以，明天重开").contains("已回答");
        assertThat(asker.page().get("/tickets/" + id + "/timeline").body()).contains("可以，明天重开");
    }

    @Test
    void onlyAdminsOpenThePriorityRulesPage() {
        long department = createDepartment(unique("客服"));
        Person agent = agent("孙八", department, "AGENT");
        assertThat(agent.page().get("/admin/priority").status()).isEqualTo(403);
        assertThat(agent.page().post("/admin/priority", Map.of("urgencyWeight", "1")).status()).isEqualTo(403);
        Person boss = agent("管理员", department, "ADMIN");
        String page = boss.page().get("/admin/priority").body();
        assertThat(page).contains("优先级规则").contains("name=\"urgencyWeight\"");
        PageSession.Page bad = boss.page().post("/admin/priority", Map.of("urgencyWeight", "45", "impactWeight", "15",
                "valueWeight", "30", "complexityWeight", "10", "p1Min", "70", "p2Min", "80", "p3Min", "15"));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body()).contains("p1Min");
    }
}
