package org.kefu.browser.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kefu.browser.BrowserTest;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

class WorkspaceListBrowserIT extends BrowserTest {

    private static final String PASSWORD = "browser-pass-123";

    private long department;
    private long agentId;

    private void signInAgentWithTickets(int unassigned) {
        department = createDepartment("工作台测试");
        String email = unique("ws") + "@test.kefu.local";
        agentId = agentWithPassword(email, PASSWORD, "AGENT", List.of(department));
        for (int i = 0; i < unassigned; i++) {
            openTicket(admin, ticket("未分配工单 " + i, "描述 " + i, "departmentId", department));
        }
        signOut();
        signIn(email, PASSWORD);
    }

    /** Clicks after scrolling the element to the middle (the sticky top bar would catch clicks at the top). */
    private void click(String css) {
        WebElement element = find(css);
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }

    /** The saved-views part of the sidebar; the sidebar is swapped when its counts arrive, so read it afresh. */
    private String savedViewsText() {
        try {
            return browser.findElements(By.cssSelector("#views .saved-views")).stream().findFirst().map(WebElement::getText).orElse("");
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return "";
        }
    }

    private List<WebElement> rows() {
        return browser.findElements(By.cssSelector("#ticket-rows tr[data-row]"));
    }

    private String count(String view) {
        return waitUntil(d -> {
            try {
                return d.findElements(By.cssSelector("#views a[data-view=" + view + "] .count")).stream()
                        .findFirst().map(WebElement::getText).orElse(null);
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                return null; // the sidebar was just swapped; read it again
            }
        });
    }

    @Test
    void agentSeesViewsWithCountsOpensAViewLoadsMoreAndSorts() throws Exception {
        signInAgentWithTickets(52);
        openTicket(admin, ticket("我的包裹", "快递", "departmentId", department, "assigneeId", agentId, "priority", "P1",
                "demandDeadline", Instant.now().plus(Duration.ofHours(3)).toString()));
        open("/tickets");
        assertThat(text("main h1")).isEqualTo("我的待办");
        assertThat(count("mine")).isEqualTo("1");
        assertThat(count("unassigned")).isEqualTo("52");
        assertThat(count("due")).isEqualTo("1");
        assertThat(count("all")).isEqualTo("53");
        assertThat(rows()).hasSize(1);
        assertThat(text("#ticket-rows tr[data-row] td.subject")).isEqualTo("我的包裹");
        assertThat(text("#ticket-rows tr[data-row] .assignee")).isEqualTo("浏览器坐席");
        screenshot(browser, Path.of("target/shots/workspace-mine.png"));

        click("#views a[data-view=unassigned]");
        waitUntil(d -> text("main h1").equals("未分配"));
        assertThat(rows()).hasSize(50);
        assertThat(rows().get(0).getText()).contains("未分配工单 51"); // newest update first
        click("button[data-load-more]");
        waitUntil(d -> rows().size() == 52);
        assertThat(browser.findElements(By.cssSelector("button[data-load-more]"))).isEmpty();

        // sort by update time, oldest first
        click("a[data-sort=updated]");
        waitUntil(d -> d.getCurrentUrl().contains("sort=updatedAt"));
        assertThat(rows().get(0).getText()).contains("未分配工单 0");
        assertThat(find("th[aria-sort] a[data-sort=updated]")).isNotNull();
        screenshot(browser, Path.of("target/shots/workspace-unassigned.png"));

        browser.manage().window().setSize(new Dimension(390, 844));
        open("/tickets?view=unassigned");
        find("#views .count");
        screenshot(browser, Path.of("target/shots/workspace-390.png"));
        browser.manage().window().setSize(new Dimension(1280, 900));
    }

    @Test
    void bulkAssignAndStatusChangeReportEachFailure() {
        signInAgentWithTickets(3);
        open("/tickets?view=unassigned");
        waitUntil(d -> rows().size() == 3);
        click("#bulk-all");
        new Select(find("#bulk-assignee")).selectByValue(Long.toString(agentId));
        click("#bulk-assign");
        waitUntil(d -> text("#bulk-result").contains("已更新 3 个工单"));
        waitUntil(d -> count("mine").equals("3"));
        waitUntil(d -> rows().isEmpty());

        open("/tickets?view=mine");
        waitUntil(d -> rows().size() == 3);
        // resolve one first, so moving all three to OPEN fails for that one (RESOLVED -> OPEN is not allowed)
        rows().get(0).findElement(By.cssSelector("input[data-bulk-pick]")).click();
        new Select(find("#bulk-status")).selectByValue("RESOLVED");
        click("#bulk-change-status");
        waitUntil(d -> text("#bulk-result").contains("已更新 1 个工单"));
        open("/tickets?view=all");
        waitUntil(d -> rows().size() == 3);
        click("#bulk-all");
        new Select(find("#bulk-status")).selectByValue("OPEN");
        click("#bulk-change-status");
        waitUntil(d -> text("#bulk-result").contains("1 个工单未能更新"));
        assertThat(text("#bulk-result")).contains("已更新 2 个工单").contains("状态为“已解决”，不能改为“处理中”");
        assertThat(browser.findElements(By.cssSelector("#bulk-result li[data-failed-ticket]"))).hasSize(1);
    }

    @Test
    void searchShowsHighlightedTicketsAndCustomers() throws Exception {
        signInAgentWithTickets(0);
        openTicket(admin, ticket("快递丢失包裹", "我的包裹三天没有到", "departmentId", department,
                "customer", Map.of("email", unique("pkg") + "@example.com", "name", "包裹客户")));
        open("/tickets");
        WebElement box = find("#global-search");
        box.sendKeys("包裹");
        box.submit();
        waitUntil(d -> d.getCurrentUrl().contains("/search?q="));
        assertThat(text("main h1")).contains("包裹");
        WebElement mark = find("#search-rows .hits mark");
        assertThat(mark.getText()).isEqualTo("包裹");
        assertThat(text("#search-rows td.subject a")).isEqualTo("快递丢失包裹");
        assertThat(find(".customer-results").getText()).contains("包裹客户");
        screenshot(browser, Path.of("target/shots/search.png"));
        click("#search-rows td.subject a");
        waitUntil(d -> d.getCurrentUrl().matches(".*/tickets/\\d+$"));
    }

    @Test
    void hostileSubjectsShowAsTextInTheListAndInSearch() {
        signInAgentWithTickets(0);
        String img = "<img src=x onerror=\"window.__kefuXss=true\"> 包裹";
        String script = "<script>window.__kefuXss=true</script> 包裹";
        String link = "<a href=\"javascript:window.__kefuXss=true\">点我</a> 包裹";
        for (String subject : List.of(img, script, link)) {
            openTicket(admin, ticket(subject, subject + " 正文 <b>粗</b>", "departmentId", department,
                    "customer", Map.of("email", unique("x") + "@example.com", "name", "<img src=y onerror=\"window.__kefuXss=true\">")));
        }
        open("/tickets?view=all");
        waitUntil(d -> rows().size() == 3);
        List<String> subjects = browser.findElements(By.cssSelector("#ticket-rows td.subject a")).stream().map(WebElement::getText).toList();
        assertThat(subjects).containsExactlyInAnyOrder(img, script, link);
        assertThat(browser.findElements(By.cssSelector("main img, main script:not([src]), #ticket-rows a[href^=javascript]"))).isEmpty();
        assertThat(scriptRan()).isFalse();

        open("/search?q=" + org.kefu.support.Api.q("包裹"));
        waitUntil(d -> d.findElements(By.cssSelector("#search-rows tr[data-row]")).size() == 3);
        assertThat(browser.findElements(By.cssSelector("#search-rows .hits mark"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("main img, main script:not([src]), main b, #search-rows a[href^=javascript]"))).isEmpty();
        assertThat(find("#search-rows").getText()).contains("<script>window.__kefuXss=true</script>");
        assertThat(scriptRan()).isFalse();
    }

    @Test
    void theListShowsWhenEachTicketsNextServiceTargetIsDueAndWhenItsClockIsPaused() {
        signInAgentWithTickets(0);
        long running = openTicket(admin, ticket("邮件工单：首次响应计时", "请尽快回复", "departmentId", department,
                "assigneeId", agentId)).get("id").asLong();
        long waiting = openTicket(admin, ticket("邮件工单：等待客户", "我去查一下订单号", "departmentId", department,
                "assigneeId", agentId)).get("id").asLong();
        admin.put("/api/v1/tickets/" + waiting + "/status", java.util.Map.of("status", "PENDING_CUSTOMER"));
        java.time.Instant due = null;
        for (var clock : admin.get("/api/v1/tickets/" + running + "/sla").body().get("clocks")) {
            java.time.Instant at = java.time.Instant.parse(clock.get("dueAt").asString());
            if ("RUNNING".equals(clock.get("state").asString()) && (due == null || at.isBefore(due))) {
                due = at;
            }
        }
        assertThat(due).as("the email policy starts a first-response clock").isNotNull();

        open("/tickets?view=mine&lang=zh-CN");
        WebElement runningRow = find("tr[data-ticket-id='" + running + "']");
        assertThat(runningRow.findElement(org.openqa.selenium.By.cssSelector("td.sla time")).getAttribute("datetime"))
                .isEqualTo(due.toString());
        assertThat(find("tr[data-ticket-id='" + waiting + "'] td.sla").getText()).isEqualTo("已暂停");
    }

    @Test
    void aTicketCreatedThroughTheApiAppearsInTheOpenListWithoutReload() {
        signInAgentWithTickets(1);
        open("/tickets?view=unassigned");
        waitUntil(d -> rows().size() == 1);
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("window.__kefuNoReload = true;");
        long before = System.nanoTime();
        openTicket(admin, ticket("实时新工单", "刚刚提交", "departmentId", department));
        new WebDriverWait(browser, Duration.ofSeconds(2)).until(d -> rows().size() == 2);
        long millis = (System.nanoTime() - before) / 1_000_000;
        assertThat(rows().get(0).getText()).contains("实时新工单");
        assertThat(millis).isLessThan(2_000);
        assertThat(((org.openqa.selenium.JavascriptExecutor) browser).executeScript("return window.__kefuNoReload === true;"))
                .isEqualTo(true);
        waitUntil(d -> count("unassigned").equals("2"));
    }

    @Test
    void customerPagesAndThePanelShowOnlyTicketsTheAgentMaySee() throws Exception {
        signInAgentWithTickets(0);
        String email = unique("vip") + "@example.com";
        long first = openTicket(admin, ticket("第一次投诉：包裹破损", "破了", "departmentId", department,
                "customer", Map.of("email", email, "name", "王芳"))).get("id").asLong();
        long customerId = admin.get("/api/v1/tickets/" + first).body().get("customer").get("id").asLong();
        long second = openTicket(admin, ticket("第二次：退款未到账", "还没到", "departmentId", department,
                "customerId", customerId)).get("id").asLong();
        openTicket(admin, ticket("别的部门的工单", "看不到", "customerId", customerId)); // the agent may not see it

        open("/customers?q=" + org.kefu.support.Api.q(email)); // other tests have customers called 王芳 too
        click("table.customer-list a[data-row-link]");
        waitUntil(d -> d.getCurrentUrl().endsWith("/customers/" + customerId));
        assertThat(text("main h1")).contains("王芳");
        assertThat(find(".customer-page").getText()).contains(email);
        List<String> subjects = browser.findElements(By.cssSelector("table.customer-tickets td.subject a")).stream()
                .map(WebElement::getText).toList();
        assertThat(subjects).containsExactly("第二次：退款未到账", "第一次投诉：包裹破损");
        screenshot(browser, Path.of("target/shots/customer-profile.png"));

        open("/customers/" + customerId + "/panel?exclude=" + second);
        WebElement panel = find("section.customer-panel");
        assertThat(panel.getText()).contains("王芳").contains("第一次投诉：包裹破损")
                .doesNotContain("第二次：退款未到账").doesNotContain("别的部门的工单");
        assertThat(panel.findElement(By.cssSelector(".earlier a")).getAttribute("href")).endsWith("/tickets/" + first);
    }

    @Test
    void agentSavesFiltersAsAViewRenamesAndDeletesIt() {
        signInAgentWithTickets(2);
        openTicket(admin, ticket("紧急：整单未到", "急", "departmentId", department, "priority", "P1"));
        open("/tickets?view=all");
        click("details.filters summary");
        new Select(find("#f-priority")).selectByValue("P1");
        click("#filter-form button[type=submit]");
        waitUntil(d -> d.getCurrentUrl().contains("priority=P1"));
        waitUntil(d -> rows().size() == 1);
        find("#save-name").sendKeys("我的紧急单");
        click("form.save-view button[type=submit]");
        waitUntil(d -> d.getCurrentUrl().contains("saved="));
        assertThat(text("main h1")).isEqualTo("我的紧急单");
        waitUntil(d -> d.findElements(By.cssSelector("#views .saved-views a[aria-current=page] .count")).stream()
                .anyMatch(e -> e.getText().equals("1")));
        assertThat(rows()).hasSize(1);

        click("button[data-open-dialog=rename-view]");
        WebElement name = find("#rename-name");
        name.clear();
        name.sendKeys("P1 工单");
        click("#rename-view button[type=submit]");
        waitUntil(d -> text("main h1").equals("P1 工单"));
        waitUntil(d -> savedViewsText().contains("P1 工单"));

        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("window.confirm = function () { return true; };");
        click("form[data-confirm] button.danger");
        waitUntil(d -> d.getCurrentUrl().contains("view=mine"));
        waitUntil(d -> d.findElements(By.cssSelector("#views .count")).size() > 0);
        waitUntil(d -> !savedViewsText().isEmpty() && !savedViewsText().contains("P1 工单"));
    }
}
