package org.kefu.browser.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kefu.browser.BrowserTest;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** An admin defines an SLA policy on the page, fixes a mistake shown at its field, and moves the policy; goals page and list badges. */
class SlaPolicyAdminBrowserIT extends BrowserTest {

    @Test
    void anAdminCreatesAPolicyFixesAnErrorShownAtItsFieldAndMovesIt() throws Exception {
        signOut();
        signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        open("/admin");
        browser.findElement(By.id("tile-sla-policies")).click();
        waitUntil(d -> d.getCurrentUrl().endsWith("/admin/sla-policies"));
        assertThat(text("#policy-list")).contains("VIP P1", "首次响应 30 分钟", "工作日历：中国大陆工作日 2025–2026");

        browser.findElement(By.id("policy-new")).click();
        waitUntil(d -> d.getCurrentUrl().endsWith("/admin/sla-policies/new"));
        String name = unique("<img src=x onerror=\"window.__kefuXss=true\">退款");
        browser.findElement(By.id("p-name")).sendKeys(name);
        new Select(browser.findElement(By.id("p-priority"))).selectByValue("P2");
        new Select(browser.findElement(By.id("p-channel"))).selectByValue("WEB");
        browser.findElement(By.id("p-tag")).sendKeys(unique("退款"));
        browser.findElement(By.id("p-first")).sendKeys("半小时");
        browser.findElement(By.id("p-resolution")).sendKeys("3");
        new Select(browser.findElement(By.id("p-resolution-unit"))).selectByValue("bd");
        browser.findElement(By.id("policy-submit")).click();

        WebElement error = waitUntil(d -> d.findElement(By.id("firstResponse-error")));
        assertThat(error.getText()).contains("must be a number");
        assertThat(browser.findElement(By.id("p-first")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElement(By.id("p-name")).getAttribute("value")).isEqualTo(name);
        screenshot(browser, Path.of("target/shots/sla-policy-form-error.png"));

        browser.findElement(By.id("p-first")).clear();
        browser.findElement(By.id("p-first")).sendKeys("45");
        browser.findElement(By.id("policy-submit")).click();
        waitUntil(d -> d.getCurrentUrl().endsWith("/admin/sla-policies"));
        WebElement row = browser.findElement(By.cssSelector("tr[data-policy-name]:last-child"));
        assertThat(row.getText()).contains(name, "首次响应 45 分钟", "解决 3 个工作日", "P2");
        assertThat(scriptRan()).isFalse();

        List<WebElement> before = browser.findElements(By.cssSelector("#policy-list tbody tr"));
        int index = before.size() - 1;
        row.findElement(By.cssSelector("input[value=up] + button")).click();
        waitUntil(d -> {
            List<WebElement> rows = d.findElements(By.cssSelector("#policy-list tbody tr"));
            return rows.size() == before.size() && name.equals(rows.get(index - 1).getAttribute("data-policy-name"));
        });
        screenshot(browser, Path.of("target/shots/sla-policies.png"));

        WebElement moved = browser.findElement(By.cssSelector("#policy-list tbody tr:nth-child(" + index + ")"));
        String id = moved.getAttribute("data-policy-id");
        browser.findElement(By.cssSelector("#policy-" + id + " button.danger")).click();
        browser.switchTo().alert().accept();
        waitUntil(d -> d.findElements(By.cssSelector("#policy-" + id)).isEmpty());
    }

    @Test
    void theGoalsPageAndTheWorkspaceListShowAttainmentAndSlaRisk() throws Exception {
        long department = createDepartment(unique("目标"));
        admin.post("/api/v1/goals", Map.of("name", unique("售后首次响应"), "metric", "FIRST_RESPONSE", "targetPercent", 90,
                "threshold", "PT1H", "calendarId", 2, "departmentId", department));
        long ticket = openTicket(admin, ticket("目标截图", "你好", "departmentId", department)).get("id").asLong();
        admin.post("/api/v1/tickets/" + ticket + "/messages", Map.of("body", "好的"));
        signOut();
        signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        open("/goals");
        assertThat(text("h1")).isEqualTo("服务目标");
        assertThat(text("#goal-list")).contains("今天", "本周", "本月");
        screenshot(browser, Path.of("target/shots/goals.png"));
        open("/tickets?view=all&sort=slaNextDueAt");
        waitUntil(d -> d.findElement(By.cssSelector("#ticket-rows")));
        screenshot(browser, Path.of("target/shots/workspace-sla-sort.png"));
        open("/tickets/" + ticket);
        waitUntil(d -> d.findElement(By.cssSelector(".sla-ticket")));
        screenshot(browser, Path.of("target/shots/ticket-sla.png"));
    }
}
