package org.kefu.browser.flows;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kefu.browser.BrowserTest;
import org.kefu.support.Api;
import org.kefu.support.Outbox;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/**
 * The flows that cross the agent workspace and the customer portal (issue 3, browser flows 1, 2
 * and 5): what one side does, the other sees.
 */
class AgentAndCustomerFlowsBrowserIT extends BrowserTest {

    private static final String PASSWORD = "flow-pass-12345";

    private long defaultDepartment() {
        for (JsonNode d : admin.get("/api/v1/departments").body()) {
            if (d.get("isDefault").asBoolean()) {
                return d.get("id").asLong();
            }
        }
        throw new AssertionError("no default department");
    }

    private String customerWithEmail(String name) {
        String email = unique("flow") + "@example.com";
        Api.Response r = admin.post("/api/v1/customers", Map.of("name", name, "emails", List.of(email)));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return email;
    }

    private static void portalSignIn(WebDriver customer, String base, String email) {
        customer.get(base + "/portal/login?lang=zh-CN");
        customer.findElement(By.id("link-email")).sendKeys(email);
        customer.findElement(By.cssSelector("form[action$='/portal/link'] button[type=submit]")).click();
        new WebDriverWait(customer, Duration.ofSeconds(10))
                .until(d -> !d.findElements(By.cssSelector(".alert.success")).isEmpty());
        String link = Outbox.awaitMail(email, Outbox.to(email).size()).portalLinkPath();
        customer.get(base + link);
        new WebDriverWait(customer, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("/portal/tickets"));
    }

    @Test
    void anAgentFindsTheLostParcelRepliesAndResolvesAndTheCustomerSeesBothInThePortal() throws IOException {
        long department = defaultDepartment();
        String agent = unique("flow1") + "@test.kefu.local";
        agentWithPassword(agent, PASSWORD, "AGENT", List.of(department));
        String email = customerWithEmail("王芳");
        String marker = unique("单号");
        JsonNode ticket = openTicket(admin, Map.of("subject", "快递丢失包裹 " + marker,
                "description", "订单显示已签收，但我没有收到包裹。", "channel", "WEB", "departmentId", department,
                "customer", Map.of("email", email)));
        long id = ticket.get("id").asLong();

        signOut();
        signIn(agent, PASSWORD);
        open("/tickets?lang=zh-CN");
        browser.findElement(By.id("global-search")).sendKeys("包裹 " + marker, Keys.ENTER);
        waitUntil(d -> d.getCurrentUrl().contains("/search"));
        find("#search-rows a[href='/tickets/" + id + "']").click();
        waitUntil(d -> d.getCurrentUrl().endsWith("/tickets/" + id));
        assertThat(text("#timeline .msg.customer .body")).isEqualTo("订单显示已签收，但我没有收到包裹。");

        browser.findElement(By.id("composer-body")).sendKeys("您好，包裹已找到，今天重新派送。");
        browser.findElement(By.id("composer-send")).click();
        waitUntil(d -> d.findElements(By.cssSelector("#timeline .msg.reply .body")).stream()
                .anyMatch(e -> e.getText().equals("您好，包裹已找到，今天重新派送。")));
        find(".quick-resolve").click();
        waitUntil(d -> text(".ticket-meta [data-field=status]").equals("已解决"));
        assertThat(admin.get("/api/v1/tickets/" + id).body().get("status").asString()).isEqualTo("RESOLVED");

        WebDriver customer = newBrowser();
        try {
            portalSignIn(customer, url(""), email);
            customer.get(url("/portal/tickets/" + id));
            assertThat(customer.findElement(By.cssSelector(".msg.reply .body")).getText())
                    .isEqualTo("您好，包裹已找到，今天重新派送。");
            assertThat(customer.findElement(By.id("ticket-status")).getText()).isEqualTo("已解决");
        } finally {
            customer.quit();
        }
    }

    @Test
    void aTicketSubmittedInThePortalAppearsInTheAgentsOpenListWithoutReload() throws IOException {
        long department = defaultDepartment();
        String agent = unique("flow2") + "@test.kefu.local";
        agentWithPassword(agent, PASSWORD, "AGENT", List.of(department));
        String email = customerWithEmail("李雷");
        signOut();
        signIn(agent, PASSWORD);
        open("/tickets?view=unassigned&lang=zh-CN");
        find("#ticket-rows");
        ((JavascriptExecutor) browser).executeScript("window.__kefuNoReload = true;");

        String subject = "外卖送错了 " + unique("单");
        WebDriver customer = newBrowser();
        try {
            portalSignIn(customer, url(""), email);
            customer.get(url("/portal/tickets/new"));
            customer.findElement(By.id("subject")).sendKeys(subject);
            customer.findElement(By.id("description")).sendKeys("点的是牛肉面，送来的是米饭。");
            customer.findElement(By.cssSelector("main form button[type=submit]")).click();
            new WebDriverWait(customer, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("?created"));
        } finally {
            customer.quit();
        }
        // the live update swaps the rows while they are read: waitUntil looks again at a stale row
        waitUntil(browser, d -> d.findElements(By.cssSelector("#ticket-rows a[data-row-link]"))
                .stream().anyMatch(a -> a.getText().equals(subject)));
        assertThat(((JavascriptExecutor) browser).executeScript("return window.__kefuNoReload === true;"))
                .as("the page was not reloaded").isEqualTo(true);
    }

    @Test
    void scriptsSubmittedThroughThePortalNeverRunInTheAgentsListTicketPageOrSearch() throws IOException {
        long department = defaultDepartment();
        String agent = unique("flow5") + "@test.kefu.local";
        agentWithPassword(agent, PASSWORD, "AGENT", List.of(department));
        String email = customerWithEmail("测试");
        String marker = unique("xss");
        List<String> attacks = List.of(
                "<img src=x onerror=\"window.__kefuXss=true\"> " + marker,
                "<script>window.__kefuXss=true</script> " + marker,
                "<a href=\"javascript:window.__kefuXss=true\">点我</a> " + marker);

        WebDriver customer = newBrowser();
        try {
            portalSignIn(customer, url(""), email);
            for (String attack : attacks) {
                customer.get(url("/portal/tickets/new"));
                customer.findElement(By.id("subject")).sendKeys(attack);
                customer.findElement(By.id("description")).sendKeys(attack);
                customer.findElement(By.cssSelector("main form button[type=submit]")).click();
                new WebDriverWait(customer, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("?created"));
            }
        } finally {
            customer.quit();
        }

        signOut();
        signIn(agent, PASSWORD);
        open("/tickets?view=unassigned");
        for (String attack : attacks) {
            waitUntil(d -> d.findElements(By.cssSelector("#ticket-rows a[data-row-link]")).stream()
                    .anyMatch(a -> a.getText().equals(attack)));
        }
        assertNoInjection();

        open("/search?q=" + marker);
        waitUntil(d -> d.findElements(By.cssSelector("#search-rows tr")).size() >= 3);
        assertThat(browser.findElement(By.id("search-rows")).getText()).contains("<script>", "onerror");
        assertNoInjection();

        String href = browser.findElement(By.cssSelector("#search-rows a[href^='/tickets/']")).getAttribute("href");
        browser.get(href);
        find("#timeline .msg.customer .body");
        assertThat(text("#timeline .msg.customer .body")).contains(marker).containsAnyOf("<script>", "onerror", "javascript:");
        assertNoInjection();
        for (var link : browser.findElements(By.cssSelector("main a[href]"))) {
            assertThat(link.getAttribute("href")).doesNotStartWith("javascript:");
        }
    }

    private void assertNoInjection() {
        assertThat(scriptRan()).as("a script from customer text ran").isFalse();
        assertThat(browser.findElements(By.cssSelector("main img[src=x], main script:not([src])"))).isEmpty();
    }
}
