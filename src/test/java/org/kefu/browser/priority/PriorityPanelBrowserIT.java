package org.kefu.browser.priority;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kefu.browser.BrowserTest;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

/** The ticket page's priority panel: why a ticket is P1, an override with a reason, back to automatic, a question. */
class PriorityPanelBrowserIT extends BrowserTest {

    private static final String PASSWORD = "browser-prio-123";

    @Test
    void theAgentSeesWhyOverridesWithAReasonClearsItAndAsksAnotherDepartment() throws IOException {
        long department = createDepartment(unique("客服"));
        long finance = createDepartment(unique("财务"));
        String email = unique("prio") + "@test.kefu.local";
        agentWithPassword(email, PASSWORD, "AGENT", List.of(department));
        long customer = admin.post("/api/v1/customers", Map.of("name", "贵宾客户", "emails",
                List.of(unique("v") + "@example.com"), "tier", "VIP")).body().get("id").asLong();
        Map<String, Object> fields = new LinkedHashMap<>(ticket("支付失败，订单被锁定", "付款后订单一直显示未支付",
                "departmentId", department, "channel", "CHAT", "demandDeadline", Instant.now().plus(1, ChronoUnit.HOURS).toString()));
        fields.remove("customer");
        fields.put("customerId", customer);
        long id = openTicket(admin, fields).get("id").asLong();

        open("/login");
        signOut();
        signIn(email, PASSWORD);
        browser.manage().window().setSize(new Dimension(1280, 1000));
        open("/tickets/" + id);

        assertThat(text("#ticket-priority [data-prio=quadrant]")).isEqualTo("紧急重要");
        assertThat(text("#ticket-priority [data-prio=score]")).startsWith("75");
        assertThat(text("#ticket-priority [data-prio=current]")).startsWith("P1");
        assertThat(text("#ticket-priority tr[data-factor=URGENCY]")).contains("诉求时效").contains("100");
        screenshot(browser, Path.of("target/shots/priority-panel.png"));

        find("#ticket-priority .prio-form summary").click();
        new Select(find("#prio-override-priority")).selectByValue("P3");
        find("#prio-override-reason").sendKeys("客户要求明天再联系 <script>window.__kefuXss=true</script>");
        find("#prio-override-submit").click();
        waitUntil(d -> hasText(d, "#ticket-priority [data-prio=pin]", "手动指定"));
        waitUntil(d -> hasText(d, "#ticket-header [data-field=priority]", "P3"));
        waitUntil(d -> hasText(d, "#timeline .event", "手动将优先级指定为 P3"));
        assertThat(text("#ticket-priority [data-prio=pin]")).contains("<script>");
        assertThat(scriptRan()).isFalse();
        screenshot(browser, Path.of("target/shots/priority-panel-override.png"));

        find("#prio-clear").click();
        waitUntil(d -> hasText(d, "#ticket-header [data-field=priority]", "P1"));
        waitUntil(d -> hasText(d, "#ticket-priority", "按评分自动设定"));

        List<org.openqa.selenium.WebElement> summaries = browser.findElements(By.cssSelector("#ticket-priority .prio-tasks summary"));
        summaries.getFirst().click();
        new Select(find("#prio-task-department")).selectByValue(String.valueOf(finance));
        find("#prio-task-question").sendKeys("这笔付款是否已到账？");
        find("#prio-task-submit").click();
        waitUntil(d -> hasText(d, "#ticket-priority .prio-task", "这笔付款是否已到账？"));
        assertThat(text("#ticket-priority .prio-task .badge")).isEqualTo("待回答");

        browser.manage().window().setSize(new Dimension(390, 900));
        open("/tickets/" + id);
        find("#ticket-priority [data-prio=quadrant]");
        screenshot(browser, Path.of("target/shots/priority-panel-390.png"));
    }

    private static boolean hasText(WebDriver in, String css, String text) {
        return in.findElements(By.cssSelector(css)).stream().anyMatch(e -> {
            try {
                return e.getText().contains(text);
            } catch (org.openqa.selenium.StaleElementReferenceException gone) {
                return false;
            }
        });
    }
}
