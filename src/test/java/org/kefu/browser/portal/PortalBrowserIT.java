package org.kefu.browser.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kefu.browser.BrowserTest;
import org.kefu.support.Api;
import org.kefu.support.Outbox;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** A customer on a phone (390 px): signs in by link, submits, follows a ticket, replies, reopens. */
class PortalBrowserIT extends BrowserTest {

    private static final Path SHOTS = Path.of("target", "shots");

    @BeforeEach
    void phone() {
        signOut();
        browser.manage().window().setSize(new Dimension(390, 844));
    }

    @AfterEach
    void desktop() {
        browser.manage().window().setSize(new Dimension(1280, 900));
    }

    private String customer(String name) {
        String email = unique("portal") + "@example.com";
        Api.Response r = admin.post("/api/v1/customers", Map.of("name", name, "emails", List.of(email)));
        assertThat(r.status()).isEqualTo(201);
        return email;
    }

    private void signInByLink(String email) throws IOException {
        open("/portal/login?lang=zh-CN");
        assertThat(text("h1")).isEqualTo("登录客户中心");
        screenshot(browser, SHOTS.resolve("portal-login-390.png"));
        browser.findElement(By.id("link-email")).sendKeys(email);
        browser.findElement(By.cssSelector("form[action$='/portal/link'] button[type=submit]")).click();
        assertThat(text(".alert.success")).contains("登录链接");
        String link = Outbox.awaitMail(email, Outbox.to(email).size()).portalLinkPath();
        open(link);
        waitUntil(d -> d.getCurrentUrl().endsWith("/portal/tickets"));
    }

    private long submit(String subject, String description) {
        open("/portal/tickets/new");
        browser.findElement(By.id("subject")).sendKeys(subject);
        browser.findElement(By.id("description")).sendKeys(description);
        new Select(browser.findElement(By.id("complaintType"))).selectByVisibleText("产品缺陷");
        browser.findElement(By.id("orderRef")).sendKeys("SO-2026-88");
        browser.findElement(By.id("demand")).sendKeys("换一副新的");
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        waitUntil(d -> d.getCurrentUrl().contains("?created"));
        String url = browser.getCurrentUrl();
        return Long.parseLong(url.replaceAll(".*/portal/tickets/(\\d+).*", "$1"));
    }

    @Test
    void aCustomerFollowsATicketFromSubmissionToReopeningOnAPhone() throws IOException {
        String email = customer("王小明");
        signInByLink(email);
        assertThat(text(".portal-empty")).contains("还没有提交过工单");

        long id = submit("耳机左边没有声音", "买了三天，左耳完全没声音。");
        assertThat(text(".alert.success")).contains("已提交");
        assertThat(text("#ticket-status")).isEqualTo("已收到");
        screenshot(browser, SHOTS.resolve("portal-ticket-new-390.png"));

        browser.findElement(By.cssSelector(".portal-nav a[href$='/portal/tickets']")).click();
        assertThat(text(".portal-ticket-subject")).isEqualTo("耳机左边没有声音");
        assertThat(text(".portal-ticket .badge")).isEqualTo("已收到");
        screenshot(browser, SHOTS.resolve("portal-tickets-390.png"));

        admin.post("/api/v1/tickets/" + id + "/notes", Map.of("body", "内部：怀疑是二手退货"));
        admin.post("/api/v1/tickets/" + id + "/messages", Map.of("body", "您好，我们已为您安排换货，请留意快递。"));
        open("/portal/tickets/" + id);
        assertThat(text(".msg.reply .body")).isEqualTo("您好，我们已为您安排换货，请留意快递。");
        assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain("二手退货");
        assertThat(text("#ticket-status")).isEqualTo("处理中");

        browser.findElement(By.id("reply-body")).sendKeys("谢谢，什么时候发货？");
        Path photo = Files.writeString(Files.createTempDirectory("kefu").resolve("耳机照片.txt"),
                "左耳");
        browser.findElement(By.id("reply-attachments")).sendKeys(photo.toAbsolutePath().toString());
        browser.findElement(By.cssSelector("form[action$='/reply'] button[type=submit]")).click();
        waitUntil(d -> d.findElements(By.cssSelector(".msg.customer")).size() == 2);
        assertThat(text(".alert.success")).isEqualTo("您的回复已发送。");
        assertThat(text(".msg.customer .files")).contains("耳机照片.txt");

        admin.put("/api/v1/tickets/" + id + "/status", Map.of("status", "RESOLVED"));
        open("/portal/tickets/" + id);
        assertThat(text("#ticket-status")).isEqualTo("已解决");
        screenshot(browser, SHOTS.resolve("portal-ticket-390.png"));
        browser.findElement(By.id("reopen")).click();
        waitUntil(d -> text("#ticket-status").equals("已重新打开"));
        assertThat(admin.get("/api/v1/tickets/" + id).body().get("status").asString()).isEqualTo("REOPENED");

        browser.manage().window().setSize(new Dimension(1280, 900));
        screenshot(browser, SHOTS.resolve("portal-ticket-1280.png"));
        open("/portal/tickets/new");
        screenshot(browser, SHOTS.resolve("portal-new-1280.png"));
        browser.manage().window().setSize(new Dimension(390, 844));
        screenshot(browser, SHOTS.resolve("portal-new-390.png"));
    }

    @Test
    void someoneWithoutAnAccountSubmitsInEnglishAndTheLanguageSwitchWorks() throws IOException {
        open("/portal/new?lang=en");
        assertThat(text("h1")).isEqualTo("New ticket");
        browser.findElement(By.cssSelector(".lang-switch a[lang=zh-TW]")).click();
        waitUntil(d -> text("h1").equals("提交工單"));
        browser.findElement(By.cssSelector(".lang-switch a[lang=en]")).click();
        waitUntil(d -> text("h1").equals("New ticket"));
        String email = unique("walkin") + "@example.com";
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("subject")).sendKeys("Parcel never arrived");
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        waitUntil(d -> !d.findElements(By.cssSelector(".alert.error")).isEmpty());
        assertThat(text("#description ~ .error")).isEqualTo("This field is required.");
        assertThat(browser.findElement(By.id("subject")).getAttribute("value")).isEqualTo("Parcel never arrived");
        assertThat(browser.findElement(By.id("email")).getAttribute("value")).isEqualTo(email);
        screenshot(browser, SHOTS.resolve("portal-new-error-390-en.png"));
        browser.findElement(By.id("description")).sendKeys("Order SO-1 was marked delivered, but nothing came.");
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        waitUntil(d -> d.getCurrentUrl().endsWith("/portal/submitted"));
        assertThat(text("h1")).isEqualTo("We have received your ticket");
        assertThat(Outbox.awaitMail(email, 1).subject()).startsWith("We have received your ticket");
        open("/portal/login?lang=zh-CN");
    }

    @Test
    void aPhoneWideScreenNeedsNoSidewaysScrolling() throws IOException {
        signInByLink(customer("窄屏"));
        submit("一个很长很长的标题，用来看看在窄屏上是否会把页面撑宽而出现横向滚动条，顺便看看换行是否自然", "描述");
        for (String path : List.of("/portal/tickets", "/portal/tickets/new", "/portal/account")) {
            open(path);
            Object overflow = ((org.openqa.selenium.JavascriptExecutor) browser)
                    .executeScript("return document.documentElement.scrollWidth > window.innerWidth;");
            assertThat(overflow).as("horizontal scrolling on " + path).isEqualTo(false);
        }
    }

    @Test
    void scriptsInSubjectAndDescriptionShowAsText() throws IOException {
        signInByLink(customer("XSS"));
        List<String> attacks = List.of("<img src=x onerror=\"window.__kefuXss=true\">",
                "<script>window.__kefuXss=true</script>",
                "<a href=\"javascript:window.__kefuXss=true\">x</a>");
        for (String attack : attacks) {
            long id = submit(attack, attack);
            assertThat(text(".portal-ticket-title")).isEqualTo(attack);
            assertThat(text(".msg.customer .body")).isEqualTo(attack);
            assertThat(browser.findElements(By.cssSelector("main img, main script, main a[href^='javascript']"))).isEmpty();
            assertThat(scriptRan()).isFalse();
            open("/portal/tickets/" + id);
            assertThat(scriptRan()).isFalse();
        }
        open("/portal/tickets");
        List<WebElement> subjects = browser.findElements(By.cssSelector(".portal-ticket-subject"));
        assertThat(subjects).extracting(WebElement::getText).containsAll(attacks);
        assertThat(browser.findElements(By.cssSelector("main img, main script, main a[href^='javascript']"))).isEmpty();
        assertThat(scriptRan()).isFalse();
    }
}
