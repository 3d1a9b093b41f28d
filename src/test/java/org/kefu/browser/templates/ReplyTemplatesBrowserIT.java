package org.kefu.browser.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kefu.browser.BrowserTest;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** The composer's template picker ("/"), the placeholder refusal, de-escalation suggestions and a macro. */
class ReplyTemplatesBrowserIT extends BrowserTest {

    private static final String PASSWORD = "browser-templates-123";

    @Test
    void theAgentPicksATemplateWithSlashCannotSendAPlaceholderAndAppliesAMacro() throws IOException {
        long department = createDepartment(unique("客服"));
        String email = unique("tpl") + "@test.kefu.local";
        agentWithPassword(email, PASSWORD, "AGENT", List.of(department));
        long id = openTicket(admin, ticket("包裹一直没到", "订单三天没有物流更新", "departmentId", department,
                "customer", Map.of("email", unique("c") + "@example.com", "name", "王芳"))).get("id").asLong();
        admin.post("/api/v1/tickets/" + id + "/messages", Map.of("body", "你们太差劲了！！！再不处理我就投诉到12315！", "author", "CUSTOMER"));

        open("/login");
        signOut();
        signIn(email, PASSWORD);
        open("/tickets/" + id);

        // "/" then the shortcut filters the picker; Enter inserts the template rendered for this ticket
        WebElement body = find("#composer-body");
        body.click();
        body.sendKeys("/");
        waitUntil(d -> d.findElement(By.id("automation-picker")).isDisplayed());
        waitUntil(d -> !d.findElements(By.cssSelector("#automation-picker-list [data-template-id]")).isEmpty());
        body.sendKeys("apology");
        waitUntil(d -> hasText(d, "#automation-picker-list .automation-item.active", "/apology"));
        screenshot(browser, Path.of("target/shots/templates-picker.png"));
        body.sendKeys(Keys.ENTER);
        waitUntil(d -> value(d).contains("我理解这种情况给您带来的不便"));
        assertThat(value(browser)).startsWith("王芳，您好").contains("包裹一直没到").doesNotContain("{{").doesNotContain("/apology");
        assertThat(browser.findElement(By.id("automation-picker")).isDisplayed()).isFalse();

        // arrows move, Esc closes without inserting
        body.sendKeys(Keys.chord(Keys.CONTROL, Keys.END), " /");
        waitUntil(d -> d.findElement(By.id("automation-picker")).isDisplayed());
        waitUntil(d -> d.findElements(By.cssSelector("#automation-picker-list [data-template-id]")).size() > 1);
        body.sendKeys(Keys.ARROW_DOWN);
        waitUntil(d -> d.findElements(By.cssSelector("#automation-picker-list [data-template-id]")).get(1)
                .getAttribute("class").contains("active"));
        body.sendKeys(Keys.ESCAPE);
        waitUntil(d -> !d.findElement(By.id("automation-picker")).isDisplayed());

        // a template with something only the agent can write: the placeholder is selected and the reply refused
        ((JavascriptExecutor) browser).executeScript("document.getElementById('composer-body').value = '';");
        body.sendKeys("/commit");
        waitUntil(d -> hasText(d, "#automation-picker-list .automation-item.active", "/commit"));
        body.sendKeys(Keys.ENTER);
        waitUntil(d -> value(d).contains("【具体解决方案?】"));
        Object selected = ((JavascriptExecutor) browser).executeScript(
                "var b = document.getElementById('composer-body'); return b.value.substring(b.selectionStart, b.selectionEnd);");
        assertThat(selected).isEqualTo("【具体解决方案?】");
        assertThat(find("#automation-hint").isDisplayed()).isTrue();
        find("#composer-send").click();
        waitUntil(d -> hasText(d, "#composer-feedback .alert.error", "占位符"));
        assertThat(value(browser)).contains("【具体解决方案?】");
        screenshot(browser, Path.of("target/shots/templates-refused.png"));

        // the emotion panel of an angry customer offers de-escalation templates to insert
        ((JavascriptExecutor) browser).executeScript("document.getElementById('composer-body').value = '';");
        WebElement suggestion = waitUntil(d -> d.findElements(By.cssSelector("#ticket-emotion .automation-insert")).stream()
                .filter(e -> e.getText().contains("倾听安抚")).findFirst().orElse(null));
        suggestion.click();
        waitUntil(d -> value(d).contains("您的心情我完全理解"));

        // a macro: the reply goes out and the ticket waits on the customer, on the timeline
        find("#automation-macros summary").click();
        WebElement macro = waitUntil(d -> d.findElements(By.cssSelector("#automation-macro-list .automation-macro")).stream()
                .filter(e -> e.getText().equals("需要客户补充信息")).findFirst().orElse(null));
        macro.click();
        waitUntil(d -> hasText(d, "#composer-feedback .automation-applied", "需要客户补充信息"));
        waitUntil(d -> hasText(d, "#ticket-header [data-field=status]", "等待客户"));
        waitUntil(d -> hasText(d, "#timeline", "还需要您补充以下信息"));
        screenshot(browser, Path.of("target/shots/templates-macro.png"));
    }

    @Test
    void theTemplatesPageCreatesAPersonalTemplateWithALivePreview() throws IOException {
        long department = createDepartment(unique("客服"));
        String email = unique("tplp") + "@test.kefu.local";
        agentWithPassword(email, PASSWORD, "AGENT", List.of(department));
        open("/login");
        signOut();
        signIn(email, PASSWORD);
        open("/templates/new");
        find("#t-name").sendKeys("我的物流模板");
        find("#t-shortcut").sendKeys("wuliu");
        find("#t-bodyZhCn").sendKeys("{{customer.name}}您好，订单 {{ticket.order}} 预计 {{ask.到货时间}} 送达。<b>");
        waitUntil(d -> hasText(d, "#template-preview .automation-preview-text", "陈女士您好"));
        assertThat(text("#template-preview mark.automation-missing")).isEqualTo("【到货时间?】");
        assertThat(text("#template-preview .automation-preview-text")).contains("<b>");
        screenshot(browser, Path.of("target/shots/templates-editor.png"));
        find("#template-save").click();
        waitUntil(d -> d.getCurrentUrl().endsWith("/templates"));
        assertThat(text("#template-list")).contains("我的物流模板").contains("/wuliu");
    }

    private static String value(WebDriver in) {
        return in.findElement(By.id("composer-body")).getDomProperty("value");
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
