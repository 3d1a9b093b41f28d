package org.kefu.browser.calendars;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kefu.browser.BrowserTest;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.Select;

class CalendarAdminBrowserIT extends BrowserTest {

    @Test
    void anAdminAddsAMakeUpWorkingDayAndTheTicketShowsItsSla() throws Exception {
        signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        open("/admin/calendars");
        assertThat(text("h1")).isEqualTo("工作时间与节假日");
        browser.findElement(By.linkText("中国大陆工作日 2025–2026")).click();
        waitUntil(d -> find("#week-MONDAY").getAttribute("value").equals("09:00-12:00,13:30-18:00"));
        screenshot(browser, Path.of("target/shots/sla-calendar-1280.png"));

        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "document.getElementById('day-date').value = '2027-01-30'");
        new Select(find("#day-kind")).selectByValue("WORKDAY");
        find("#day-name").sendKeys("<img src=x onerror=\"window.__kefuXss=true\">调休");
        find(".sla-add-day button[type=submit]").click();
        waitUntil(d -> text(".alert.success").equals("已保存。"));
        assertThat(text(".sla-days")).contains("2027-01-30", "调休上班日", "09:00-12:00,13:30-18:00",
                "<img src=x onerror=\"window.__kefuXss=true\">调休");
        assertThat(scriptRan()).isFalse();

        browser.manage().window().setSize(new Dimension(390, 844));
        screenshot(browser, Path.of("target/shots/sla-calendar-390.png"));
        browser.manage().window().setSize(new Dimension(1280, 900));

        long id = admin.post("/api/v1/tickets", ticket("需要帮助", "请尽快回复", "channel", "CHAT")).body().get("id").asLong();
        admin.put("/api/v1/tickets/" + id + "/status", Map.of("status", "PENDING_CUSTOMER"));
        open("/tickets/" + id + "/sla");
        assertThat(text(".sla-ticket")).contains("首次响应", "已暂停");
        screenshot(browser, Path.of("target/shots/sla-ticket-fragment.png"));
    }
}
