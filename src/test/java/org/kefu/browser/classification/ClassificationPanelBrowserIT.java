package org.kefu.browser.classification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kefu.browser.BrowserTest;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

/** The ticket page's classification panel: the agent sees the suggestion, corrects the type and confirms in one click. */
class ClassificationPanelBrowserIT extends BrowserTest {

    private static final String PASSWORD = "browser-classify-123";

    @Test
    void theAgentSeesTheSuggestionAndConfirmsACorrection() throws IOException {
        long department = createDepartment(unique("分类"));
        String email = unique("classify") + "@test.kefu.local";
        agentWithPassword(email, PASSWORD, "AGENT", List.of(department));
        long id = openTicket(admin, ticket("包裹一直没到", "我的快递五天了还没收到，物流信息也不更新，是不是丢件了？",
                "departmentId", department)).get("id").asLong();

        open("/login");
        signOut();
        signIn(email, PASSWORD);
        browser.manage().window().setSize(new Dimension(1280, 1000));
        open("/tickets/" + id);

        waitUntil(d -> hasText(d, "#classify-suggested-topic", "物流配送"));
        assertThat(text("#classify-suggested-type")).isEqualTo("服务失误");
        assertThat(text("#ticket-classification")).contains("置信度");
        screenshot(browser, Path.of("target/shots/classification-panel.png"));

        new Select(find("#classify-type-select")).selectByValue("CUSTOMER_MISUNDERSTANDING");
        find("#classify-confirm").click();
        waitUntil(d -> hasText(d, "#classify-confirmed", "已更正"));
        assertThat(text("#classify-confirmed")).contains("客户误解").contains("物流配送");
        open("/tickets/" + id);
        waitUntil(d -> hasText(d, "#classify-confirmed", "已更正"));
        assertThat(new Select(find("#prop-complaintType")).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("CUSTOMER_MISUNDERSTANDING");
        assertThat(admin.get("/api/v1/tickets/" + id).body().get("complaintType").asString()).isEqualTo("CUSTOMER_MISUNDERSTANDING");
        screenshot(browser, Path.of("target/shots/classification-panel-confirmed.png"));
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
