package org.kefu.browser.mailboxes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.kefu.browser.BrowserTest;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.Select;

class MailboxAdminBrowserIT extends BrowserTest {

    @Test
    void anAdminSetsUpAMailboxWhosePasswordIsNeverShownAgain() throws Exception {
        signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        open("/admin");
        browser.findElement(By.cssSelector("a[href$='/admin/mailboxes']")).click();
        waitUntil(d -> text("h1").equals("邮箱"));
        find("#new-mailbox").click();
        waitUntil(d -> find("#mailbox-form").isDisplayed());
        find("#name").sendKeys("<img src=x onerror=\"window.__kefuXss=true\">售后");
        find("#fromAddress").sendKeys(unique("service") + "@example.com");
        find("#imapHost").sendKeys("imap.example.com");
        find("#imapUser").sendKeys("service");
        find("#imapPassword").sendKeys("top-secret-imap");
        find("#smtpHost").sendKeys("smtp.example.com");
        new Select(find("#smtpSecurity")).selectByValue("STARTTLS");
        find("#smtpPort").clear();
        find("#smtpPort").sendKeys("587");
        screenshot(browser, Path.of("target/shots/email-mailbox-form-1280.png"));
        find("#save-mailbox").click();
        waitUntil(d -> text(".alert.success").equals("邮箱已保存。"));
        assertThat(find("#imapPassword").getAttribute("value")).isEmpty();
        assertThat(browser.getPageSource()).doesNotContain("top-secret-imap");
        assertThat(text("#imapPassword-hint")).contains("已保存密码");
        assertThat(text("h1")).isEqualTo("<img src=x onerror=\"window.__kefuXss=true\">售后");
        assertThat(scriptRan()).isFalse();

        browser.findElement(By.cssSelector("nav.crumbs a")).click();
        waitUntil(d -> text("h1").equals("邮箱"));
        assertThat(text("table.email-mailboxes")).contains("imap.example.com:993", "smtp.example.com:587");
        screenshot(browser, Path.of("target/shots/email-mailboxes-1280.png"));
        browser.manage().window().setSize(new Dimension(390, 844));
        screenshot(browser, Path.of("target/shots/email-mailboxes-390.png"));
        browser.manage().window().setSize(new Dimension(1280, 900));
    }
}
