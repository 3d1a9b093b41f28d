package org.kefu.browser.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kefu.browser.BrowserTest;
import org.kefu.support.Api;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

class TicketPageBrowserIT extends BrowserTest {

    private static final String PASSWORD = "browser-pass-123";

    @Test
    void agentRepliesAddsAVisiblyDifferentNoteAndWorksTheSidePanel() throws IOException {
        long department = createDepartment("工单页");
        String email = agent("王芳", department);
        long id = openTicketIn(department, "快递丢失包裹", "我的包裹三天没有更新了。");
        signOutQuietly();
        signIn(email, PASSWORD);
        open("/tickets/" + id);

        assertThat(text("#ticket-subject")).isEqualTo("快递丢失包裹");
        assertThat(text("#timeline .msg.customer .body")).isEqualTo("我的包裹三天没有更新了。");
        assertThat(text("#ticket-header [data-field=status]")).isEqualTo("新建");

        browser.findElement(By.id("composer-body")).sendKeys("您好，我们正在为您查询。");
        browser.findElement(By.id("composer-send")).click();
        waitUntil(d -> hasText(d, "#timeline .msg.reply .body", "您好，我们正在为您查询。"));
        waitUntil(d -> text("#ticket-header [data-field=status]").equals("处理中"));
        assertThat(browser.findElement(By.id("composer-body")).getAttribute("value")).isEmpty();

        browser.findElement(By.cssSelector("#composer button[data-mode=note]")).click();
        assertThat(find("#composer").getAttribute("data-mode")).isEqualTo("note");
        assertThat(text("#composer-label")).contains("内部备注");
        WebElement body = browser.findElement(By.id("composer-body"));
        assertThat(browser.switchTo().activeElement()).isEqualTo(body);
        body.sendKeys("客户是老客户，注意语气。");
        body.sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
        waitUntil(d -> hasText(d, "#timeline .msg.note .body", "客户是老客户，注意语气。"));
        WebElement note = find("#timeline .msg.note");
        assertThat(note.findElement(By.cssSelector(".kind")).getText()).isEqualTo("内部备注");
        WebElement reply = find("#timeline .msg.reply");
        assertThat(note.getCssValue("background-color")).isNotEqualTo(reply.getCssValue("background-color"));

        new Select(find("#prop-priority")).selectByValue("P1");
        waitUntil(d -> text("#ticket-header [data-field=priority]").startsWith("P1"));
        waitUntil(d -> hasText(d, "#timeline .event", "将优先级从 P3 中 改为 P1 紧急"));

        new Select(find("#prop-complaintType")).selectByValue("SERVICE_ERROR");
        ((JavascriptExecutor) browser).executeScript(
                "document.getElementById('prop-demandDeadline').value = '2026-12-24T18:30';");
        find("#prop-demand").sendKeys("退还运费");
        find("#save-details").click();
        waitUntil(d -> hasText(d, "#timeline .event", "投诉类型设为「服务失误」"));
        waitUntil(d -> hasText(d, "#timeline .event", "诉求时效设为「2026-12-24 18:30」"));
        JsonNode stored = admin.get("/api/v1/tickets/" + id).body();
        assertThat(stored.get("complaintType").asString()).isEqualTo("SERVICE_ERROR");
        assertThat(stored.get("demand").asString()).isEqualTo("退还运费");
        assertThat(Instant.parse(stored.get("demandDeadline").asString())).isEqualTo(Instant.parse("2026-12-24T10:30:00Z"));

        // s resolves (keyboard shortcut), outside any input
        browser.findElement(By.tagName("h1")).click();
        browser.findElement(By.tagName("body")).sendKeys("s");
        waitUntil(d -> text("#ticket-header [data-field=status]").equals("已解决"));
        waitUntil(d -> find("#prop-status").getText().contains("已关闭"));

        // a stale page offers a move the lifecycle no longer allows: the server refuses and says why
        ((JavascriptExecutor) browser).executeScript("""
                var s = document.getElementById('prop-status');
                var o = document.createElement('option'); o.value = 'PENDING_CUSTOMER'; o.textContent = 'stale';
                s.appendChild(o); s.value = 'PENDING_CUSTOMER';""");
        find("#prop-status").findElement(By.xpath("ancestor::form//button[@type='submit']")).click();
        waitUntil(d -> hasText(d, "#ticket-props .error", "无法从「已解决」改为「等待客户」"));
        assertThat(text("#ticket-header [data-field=status]")).isEqualTo("已解决");
        screenshot(browser, Path.of("target/shots/ticket-worked.png"));
    }

    @Test
    void aReplyWithAFileShowsTheFileInTheTimeline() throws IOException {
        long department = createDepartment("附件");
        String email = agent("赵磊", department);
        long id = openTicketIn(department, "发票问题", "请开发票。");
        signOutQuietly();
        signIn(email, PASSWORD);
        open("/tickets/" + id);
        Path dir = Files.createTempDirectory("kefu");
        Path file = Files.writeString(dir.resolve("电子发票.txt"), "发票内容");
        find("#composer-body").sendKeys("请查收附件");
        find("#composer-files").sendKeys(file.toAbsolutePath().toString());
        find("#composer-send").click();
        waitUntil(d -> hasText(d, "#timeline .msg.reply .files", "电子发票.txt"));
        WebElement link = find("#timeline .msg.reply .files a.file");
        assertThat(link.getAttribute("href")).contains("/tickets/" + id + "/attachments/");
        assertThat(find("#composer-body").getAttribute("value")).isEmpty();
        assertThat(find("#composer-files").getAttribute("value")).isEmpty();
        screenshot(browser, Path.of("target/shots/ticket-attachment.png"));
    }

    @Test
    void aCustomerMessageFromTheApiAppearsWithoutReloadAndTheDraftSurvives() {
        long department = createDepartment("实时");
        String email = agent("陈晨", department);
        long id = openTicketIn(department, "退款进度", "退款什么时候到账？");
        signOutQuietly();
        signIn(email, PASSWORD);
        open("/tickets/" + id);
        find("#timeline .msg.customer");
        ((JavascriptExecutor) browser).executeScript("window.__samePage = true;");
        find("#composer-body").sendKeys("草稿：正在核实");

        Api.Response posted = admin.post("/api/v1/tickets/" + id + "/messages",
                Map.of("body", "我又等了一天，还是没有到账。", "author", "CUSTOMER"));
        assertThat(posted.status()).isEqualTo(201);

        waitUntil(d -> hasText(d, "#timeline .msg.customer .body", "我又等了一天，还是没有到账。"));
        assertThat(((JavascriptExecutor) browser).executeScript("return window.__samePage === true;")).isEqualTo(true);
        assertThat(find("#composer-body").getAttribute("value")).isEqualTo("草稿：正在核实");
    }

    @Test
    void twoAgentsOnOneTicketSeeEachOtherAndTyping() throws IOException, InterruptedException {
        long department = createDepartment("协作");
        String first = agent("李娜", department);
        String second = agent("张伟", department);
        long id = openTicketIn(department, "重复扣款", "同一笔订单扣了两次钱。");
        signOutQuietly();
        signIn(first, PASSWORD);
        open("/tickets/" + id);
        WebDriver other = newBrowser();
        try {
            signIn(other, url(""), second, PASSWORD);
            other.get(url("/tickets/" + id));
            waitUntil(other, d -> hasText(d, "#presence", "李娜 正在查看"));
            waitUntil(d -> hasText(d, "#presence", "张伟 正在查看"));
            assertThat(text("#presence")).doesNotContain("李娜");

            other.findElement(By.id("composer-body")).sendKeys("我来处理这个");
            waitUntil(d -> hasText(d, "#presence", "张伟 正在输入"));
            screenshot(browser, Path.of("target/shots/ticket-presence.png"));
            Thread.sleep(2000);
            Object reloads = ((JavascriptExecutor) browser).executeScript("""
                    return performance.getEntriesByType('resource')
                        .filter(e => e.name.endsWith('/presence')).length;""");
            assertThat(((Number) reloads).intValue()).as("the presence list reloads on events, not in a loop")
                    .isLessThan(10);
        } finally {
            other.quit();
        }
    }

    @Test
    void scriptsInSubjectAndMessagesShowAsTextAndDoNotRun() throws IOException {
        long department = createDepartment("安全");
        String email = agent("周杰", department);
        String img = "<img src=x onerror=\"window.__kefuXss=true\">";
        String script = "<script>window.__kefuXss=true</script>";
        long id = openTicketIn(department, img, script);
        admin.post("/api/v1/tickets/" + id + "/messages", Map.of("body", img + " 再试 " + script, "author", "CUSTOMER"));
        signOutQuietly();
        signIn(email, PASSWORD);
        open("/tickets/" + id);
        waitUntil(d -> d.findElements(By.cssSelector("#timeline .msg.customer")).size() == 2);

        assertThat(text("#ticket-subject")).isEqualTo(img);
        List<WebElement> bodies = browser.findElements(By.cssSelector("#timeline .msg.customer .body"));
        assertThat(bodies.get(0).getText()).isEqualTo(script);
        assertThat(bodies.get(1).getText()).isEqualTo(img + " 再试 " + script);
        assertThat(browser.findElements(By.cssSelector("main img[src=x]"))).isEmpty();
        assertThat(scriptRan()).isFalse();

        // the page at desktop and phone width, for a look
        browser.manage().window().setSize(new Dimension(1280, 900));
        screenshot(browser, Path.of("target/shots/ticket-1280.png"));
        browser.manage().window().setSize(new Dimension(390, 844));
        screenshot(browser, Path.of("target/shots/ticket-390.png"));
        Object overflow = ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth > window.innerWidth;");
        browser.manage().window().setSize(new Dimension(1280, 900));
        assertThat(overflow).as("no horizontal scrolling at 390 px").isEqualTo(false);
    }

    /** Leaves a live page first, so no late request of it starts a fresh session under the next sign-in. */
    private void signOutQuietly() {
        open("/login");
        signOut();
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

    private String agent(String name, long department) {
        String email = unique("tp") + "@test.kefu.local";
        Api.Response r = admin.post("/api/v1/agents", Map.of("email", email, "displayName", name, "role", "AGENT",
                "departmentIds", List.of(department), "teamIds", List.of(), "password", PASSWORD));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return email;
    }

    private long openTicketIn(long department, String subject, String description) {
        return openTicket(admin, ticket(subject, description, "departmentId", department, "priority", "P3"))
                .get("id").asLong();
    }
}
