package org.kefu.browser.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.kefu.browser.BrowserTest;
import org.kefu.support.Api;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * A customer's website (served from another origin than the desk, so CORS is real) embeds the
 * widget; a visitor chats with an agent who works in the chat console in a second browser.
 */
@Tag("browser")
class LiveChatBrowserIT extends BrowserTest {

    private HttpServer site;
    private String key;

    @BeforeEach
    void website() throws IOException {
        site = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        site.createContext("/", exchange -> {
            String query = exchange.getRequestURI().getQuery();
            String lang = query != null && query.startsWith("lang=") ? " data-lang=\"" + query.substring(5) + "\"" : "";
            String page = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Shop</title>"
                    + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; script-src http://localhost:"
                    + port + "; connect-src http://localhost:" + port + "; style-src 'self'\">"
                    + "</head><body><h1>Example shop</h1><script src=\"http://localhost:" + port + "/chat/widget.js\" data-channel=\""
                    + key + "\"" + lang + " async></script></body></html>";
            byte[] bytes = page.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        site.start();
    }

    @AfterEach
    void closeWebsite() {
        site.stop(0);
    }

    private String siteUrl(String query) {
        return "http://localhost:" + site.getAddress().getPort() + "/" + (query == null ? "" : "?" + query);
    }

    private long channel(long department) {
        Api.Response channel = admin.post("/api/v1/channels/chat/channels", Map.of("name", "Shop", "departmentId", department,
                "allowedOrigins", List.of("http://localhost:" + site.getAddress().getPort()), "greeting", "Hello! <b>hi</b>"));
        key = channel.body().get("publicKey").asString();
        return channel.body().get("id").asLong();
    }

    private static SearchContext widget(WebDriver in) {
        return waitUntil(in, d -> d.findElements(By.id("kefu-chat")).stream().findFirst().map(WebElement::getShadowRoot)
                .orElse(null));
    }

    private static WebElement inWidget(WebDriver in, String css) {
        return waitUntil(in, d -> widget(d).findElements(By.cssSelector(css)).stream().findFirst().orElse(null));
    }

    @Test
    void aVisitorChatsWithAnAgentAndTextsStayText() throws Exception {
        long department = createDepartment("网店客服");
        channel(department);
        String email = unique("chat") + "@test.kefu.local";
        long agentId = agentWithPassword(email, "chat-password-123", "AGENT", List.of(department));
        String secret = admin.post("/api/v1/api-tokens", Map.of("name", "t", "agentId", agentId)).body().get("secret").asString();
        admin.as(secret).put("/api/v1/me/presence", Map.of("presence", "AVAILABLE"));

        browser.get(siteUrl("lang=en"));
        WebElement open = inWidget(browser, "[data-kefu=open]");
        assertThat(open.getText()).startsWith("Chat with us");
        open.click();
        inWidget(browser, "[data-kefu=greeting]");
        assertThat(inWidget(browser, "[data-kefu=greeting]").getText()).isEqualTo("Hello! <b>hi</b>");
        inWidget(browser, "[data-kefu=name]").sendKeys("Visitor <img src=x onerror=\"window.__kefuXss=true\">");
        inWidget(browser, "[data-kefu=text]").sendKeys("<script>window.__kefuXss=true</script>My parcel is late");
        inWidget(browser, "[data-kefu=send]").click();
        waitUntil(d -> widget(d).findElements(By.cssSelector("li[data-from=visitor]")).size() == 1);
        waitUntil(d -> inWidget(d, "[data-kefu=status]").getText().contains("Connecting you"));

        WebDriver agent = newBrowser();
        try {
            signIn(agent, url(""), email, "chat-password-123");
            agent.get(url("/chat/console"));
            waitUntil(agent, d -> d.findElements(By.cssSelector("[data-chat-accept]")).stream().findFirst().orElse(null)).click();
            WebElement log = waitUntil(agent, d -> d.findElements(By.cssSelector(".chat-log .msg.customer .body")).stream()
                    .findFirst().orElse(null));
            assertThat(log.getText()).isEqualTo("<script>window.__kefuXss=true</script>My parcel is late");
            assertThat(agent.findElement(By.cssSelector(".chat-pane-head h2")).getText()).startsWith("Visitor <img");
            WebElement reply = agent.findElement(By.cssSelector("form[data-chat-composer] textarea"));
            reply.sendKeys("<img src=x onerror=\"window.__kefuXss=true\"> We are on it");
            agent.findElement(By.cssSelector("form[data-chat-composer] button")).click();
            waitUntil(agent, d -> d.findElements(By.cssSelector(".chat-log .msg.reply")).size() == 1);
            screenshot(agent, Path.of("target/shots/chat-console-before.png"));
            try {
                waitUntil(agent, d -> String.valueOf(d.findElement(By.cssSelector("[data-norm-kind=first]"))
                        .getAttribute("data-norm-state")).matches("met|late"));
            } catch (RuntimeException e) {
                throw new AssertionError(agent.findElement(By.cssSelector(".chat-pane")).getAttribute("outerHTML"), e);
            }
            screenshot(agent, Path.of("target/shots/chat-console.png"));

            WebElement answer = waitUntil(d -> widget(d).findElements(By.cssSelector("li[data-from=agent] [data-kefu=text]"))
                    .stream().findFirst().orElse(null));
            assertThat(answer.getText()).isEqualTo("<img src=x onerror=\"window.__kefuXss=true\"> We are on it");
            assertThat(inWidget(browser, "[data-kefu=agent]").getText()).contains("浏览器坐席");
            screenshot(browser, Path.of("target/shots/chat-widget.png"));
            assertThat(scriptRan()).isFalse();
            assertThat(((JavascriptExecutor) agent).executeScript("return window.__kefuXss === true;")).isEqualTo(false);

            browser.navigate().refresh();
            inWidget(browser, "[data-kefu=open]").click();
            waitUntil(d -> widget(d).findElements(By.cssSelector("li[data-from]")).size() == 2);
        } finally {
            agent.quit();
        }
    }

    @Test
    void theWidgetSpeaksTheBrowsersLanguageAndOffersTheMessageFormWhenNoOneIsThere() {
        channel(createDepartment("夜间"));
        browser.get(siteUrl(null));
        WebElement open = inWidget(browser, "[data-kefu=open]");
        assertThat(open.getText()).startsWith("在线咨询");
        open.click();
        WebElement form = waitUntil(d -> {
            WebElement f = inWidget(d, "[data-kefu=offline]");
            return f.isDisplayed() ? f : null;
        });
        assertThat(form.getText()).contains("现在没有客服在线");
        inWidget(browser, "[data-kefu=offline-email]").sendKeys(unique("night") + "@example.com");
        inWidget(browser, "[data-kefu=offline-text]").sendKeys("请明天联系我");
        form.findElement(By.cssSelector("button")).click();
        assertThat(inWidget(browser, "[data-kefu=thanks]").getText()).contains("已收到您的留言");
    }
}
