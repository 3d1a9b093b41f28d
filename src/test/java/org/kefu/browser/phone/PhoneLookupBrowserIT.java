package org.kefu.browser.phone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.kefu.browser.BrowserTest;
import org.openqa.selenium.By;

/** The caller page: typing a number shows the customer 360 panel, then a ticket is created from the call. */
class PhoneLookupBrowserIT extends BrowserTest {

    @Test
    void typingTheCallersNumberShowsWhoItIsAndTheCallBecomesATicket() throws IOException {
        String number = "136" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        long customerId = admin.post("/api/v1/customers", Map.of("name", "<img src=x onerror=\"window.__kefuXss=true\">钱女士",
                "phones", List.of("+86 " + number))).body().get("id").asLong();
        signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        open("/phone");

        browser.findElement(By.id("phone-number")).sendKeys(number);
        waitUntil(d -> !d.findElements(By.cssSelector("#caller .customer-panel[data-customer-id='" + customerId + "']")).isEmpty());
        assertThat(text("#caller .customer-panel h2 a")).contains("钱女士").contains("<img");
        assertThat(scriptRan()).isFalse();
        screenshot(browser, Path.of("target/shots/phone-lookup.png"));

        browser.findElement(By.id("phone-subject")).sendKeys("电话投诉：发票未开");
        browser.findElement(By.id("phone-notes")).sendKeys("客户来电要求尽快开具发票");
        browser.findElement(By.cssSelector(".phone-call button[type=submit]")).click();
        waitUntil(d -> d.getCurrentUrl().matches(".*/tickets/\\d+$"));
        waitUntil(d -> !d.findElements(By.cssSelector("#ticket-calls .call")).isEmpty());
        assertThat(text("#ticket-subject")).isEqualTo("电话投诉：发票未开");
        assertThat(text("#ticket-calls .call-number")).isEqualTo(number);
        screenshot(browser, Path.of("target/shots/phone-ticket.png"));
    }
}
