package org.kefu.browser.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kefu.browser.BrowserTest;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.util.ReflectionTestUtils;

/** The reminders panel on the ticket page, the bell that lights up live when a reminder falls due, and My tasks. */
class BellAndRemindersBrowserIT extends BrowserTest {

    private static final Path SHOTS = Path.of("target/shots");

    @Autowired
    ApplicationContext context;

    @Test
    void anAgentSetsAReminderOnTheTicketAndTheBellLightsUpLiveWhenItFallsDue() throws Exception {
        long department = createDepartment("提醒测试");
        String email = unique("bell") + "@test.kefu.local";
        long agentId = agentWithPassword(email, "browser-pass-123", "AGENT", List.of(department));
        long ticketId = openTicket(admin, ticket("<img src=x onerror=\"window.__kefuXss=true\">回电", "请明早回电",
                "departmentId", department, "assigneeId", agentId)).get("id").asLong();
        signOut();
        signIn(email, "browser-pass-123");

        open("/tickets/" + ticketId);
        find("#ticket-reminders .reminder-form");
        assertThat(find("#notif-bell").findElements(By.cssSelector(".notif-count"))).isEmpty();

        LocalDateTime due = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).plusHours(1).truncatedTo(ChronoUnit.MINUTES);
        ((JavascriptExecutor) browser).executeScript("document.querySelector('#ticket-reminders input[name=dueAt]').value = arguments[0];",
                due.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")));
        find("#ticket-reminders input[name=note]").sendKeys("回电 <script>window.__kefuXss=true</script>");
        find("#ticket-reminders .reminder-form button[type=submit]").click();
        waitUntil(d -> d.findElements(By.cssSelector("#ticket-reminders .reminder-list li")).size() == 1);
        assertThat(text("#ticket-reminders .reminder-note")).isEqualTo("回电 <script>window.__kefuXss=true</script>");
        screenshot(browser, SHOTS.resolve("escalation-ticket-reminders.png"));

        Instant dueAt = due.atZone(ZoneId.of("Asia/Shanghai")).toInstant();
        ReflectionTestUtils.invokeMethod(context.getBean("reminderSweep"), "sweep", dueAt.plus(Duration.ofSeconds(1)));

        waitUntil(d -> d.findElements(By.cssSelector("#notif-bell .notif-count")).stream()
                .anyMatch(e -> e.getText().equals("1")));
        screenshot(browser, SHOTS.resolve("escalation-bell.png"));

        find("#notif-bell").click();
        waitUntil(d -> d.getCurrentUrl().endsWith("/notifications"));
        assertThat(text(".notif-list li.is-unread .notif-text")).contains("回电");
        screenshot(browser, SHOTS.resolve("escalation-notifications.png"));

        open("/my/tasks");
        assertThat(text("#tasks-reminders table.list")).contains("回电 <script>window.__kefuXss=true</script>");
        screenshot(browser, SHOTS.resolve("escalation-my-tasks.png"));
        find("#tasks-reminders table.list button[type=submit]").click();
        waitUntil(d -> d.findElements(By.cssSelector("#tasks-reminders table.list")).isEmpty());
        assertThat(scriptRan()).isFalse();
    }

    @Test
    void theAdminCreatesAnEscalationRuleOnTheRulesPage() throws Exception {
        signOut();
        signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        open("/admin/escalation");
        String name = unique("超时升级");
        find("#rule-name").sendKeys(name);
        new org.openqa.selenium.support.ui.Select(find("#rule-trigger")).selectByValue("SLA_BREACHED");
        find("input[name=notifySupervisors]").click();
        new org.openqa.selenium.support.ui.Select(find("#rule-raise")).selectByValue("ONE_STEP");
        find(".escalation-form button[type=submit]").click();
        waitUntil(d -> d.getPageSource().contains(name));
        screenshot(browser, SHOTS.resolve("escalation-rules.png"));
        assertThat(admin.get("/api/v1/escalation/rules").body().toString()).contains(name);
        // switched off again so it does not fire on other tests' tickets
        for (var rule : admin.get("/api/v1/escalation/rules").body()) {
            if (rule.get("name").asString().equals(name)) {
                admin.delete("/api/v1/escalation/rules/" + rule.get("id").asLong());
            }
        }
    }
}
