package org.kefu.browser.bot;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.kefu.browser.BrowserTest;
import org.kefu.knowledge.Article;
import org.kefu.knowledge.ArticleLanguage;
import org.kefu.knowledge.Articles;
import org.kefu.knowledge.NewArticle;
import org.kefu.knowledge.VariantText;
import org.kefu.platform.Actor;
import org.kefu.platform.Role;
import org.kefu.support.Api;
import org.openqa.selenium.By;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The self-service bot in the chat widget on a customer's website (another origin, strict CSP): it greets in the
 * browser's language, answers from a published article with a link and "did this help?", and hands the chat to an
 * agent on request; the agent's console shows what the bot said, marked as the bot.
 */
@Tag("browser")
class BotWidgetBrowserIT extends BrowserTest {

    static final Actor EDITOR = new Actor(1L, "编辑", "editor@test.kefu.local", Role.SUPERVISOR, Set.of(), Set.of());

    @Autowired
    Articles articles;

    private HttpServer site;
    private String key;

    @BeforeEach
    void website() throws IOException {
        site = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        site.createContext("/", exchange -> {
            String page = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Shop</title>"
                    + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; script-src http://localhost:"
                    + port + "; connect-src http://localhost:" + port + "; style-src 'self'\">"
                    + "</head><body><h1>Example shop</h1><script src=\"http://localhost:" + port + "/chat/widget.js\" data-channel=\""
                    + key + "\" data-lang=\"en\" async></script></body></html>";
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

    private static SearchContext widget(WebDriver in) {
        return waitUntil(in, d -> d.findElements(By.id("kefu-chat")).stream().findFirst().map(WebElement::getShadowRoot)
                .orElse(null));
    }

    private static WebElement inWidget(WebDriver in, String css) {
        return waitUntil(in, d -> widget(d).findElements(By.cssSelector(css)).stream().findFirst().orElse(null));
    }

    private void send(String text) {
        inWidget(browser, "textarea[data-kefu=text]").sendKeys(text);
        inWidget(browser, "[data-kefu=send]").click();
    }

    @Test
    void theBotAnswersWithTheArticleAndHandsOverToAnAgentWhoSeesItsTurns() throws Exception {
        String marker = "zq" + UUID.randomUUID().toString().substring(0, 4);
        Article article = articles.create(new NewArticle(null, false, ArticleLanguage.EN, List.of(), new VariantText(
                "Opening hours " + marker, null, "Our service team answers every day from 9:00 to 21:00.",
                List.of("What are your opening hours?"))), EDITOR);
        articles.publish(article.getId(), EDITOR);
        long department = createDepartment("网店客服");
        Api.Response channel = admin.post("/api/v1/channels/chat/channels", Map.of("name", "Shop", "departmentId", department,
                "allowedOrigins", List.of("http://localhost:" + site.getAddress().getPort())));
        key = channel.body().get("publicKey").asString();
        admin.put("/api/v1/bot/channels/" + channel.body().get("id").asLong(), Map.of("enabled", true));
        String email = unique("bot") + "@test.kefu.local";
        long agentId = agentWithPassword(email, "bot-password-123", "AGENT", List.of(department));
        String secret = admin.post("/api/v1/api-tokens", Map.of("name", "t", "agentId", agentId)).body().get("secret").asString();
        admin.as(secret).put("/api/v1/me/presence", Map.of("presence", "AVAILABLE"));

        browser.get("http://localhost:" + site.getAddress().getPort() + "/");
        inWidget(browser, "[data-kefu=open]").click();
        WebElement greeting = inWidget(browser, "li[data-from=bot] [data-kefu=text]");
        assertThat(greeting.getText()).isNotBlank();

        send("What are your opening hours? " + marker);
        WebElement answer = inWidget(browser, "li[data-from=bot][data-outcome=ANSWERED]");
        assertThat(answer.findElement(By.cssSelector("[data-kefu=text]")).getText()).contains("9:00 to 21:00");
        WebElement link = answer.findElement(By.cssSelector("a[data-kefu=article]"));
        assertThat(link.getText()).isEqualTo("Opening hours " + marker);
        assertThat(link.getAttribute("href")).contains("/help/en/" + article.getId() + "-");
        assertThat(answer.findElement(By.cssSelector("[data-kefu=feedback]")).getText()).contains("Did this help?");
        List<WebElement> items = widget(browser).findElements(By.cssSelector("li[data-from]"));
        assertThat(items.get(items.size() - 1).getAttribute("data-from")).as("the answer follows the question").isEqualTo("bot");
        answer.findElement(By.cssSelector("[data-kefu=helped]")).click();
        waitUntil(d -> widget(d).findElements(By.cssSelector("li[data-from=bot][data-outcome=SAID]")).size() == 2);
        screenshot(browser, Path.of("target/shots/bot-widget-answer.png"));

        inWidget(browser, "[data-kefu=person]").click();
        inWidget(browser, "li[data-from=bot][data-outcome=HANDED_OFF]");
        waitUntil(d -> inWidget(d, "[data-kefu=status]").getText().contains("Connecting you"));
        screenshot(browser, Path.of("target/shots/bot-widget-handoff.png"));
        assertThat(scriptRan()).isFalse();

        WebDriver agent = newBrowser();
        try {
            signIn(agent, url(""), email, "bot-password-123");
            agent.get(url("/chat/console"));
            waitUntil(agent, d -> d.findElements(By.cssSelector("[data-chat-accept]")).stream().findFirst().orElse(null)).click();
            waitUntil(agent, d -> d.findElements(By.cssSelector(".chat-log .msg.note")).size() >= 2);
            List<WebElement> notes = agent.findElements(By.cssSelector(".chat-log .msg.note"));
            assertThat(notes).anySatisfy(n -> {
                assertThat(n.findElement(By.cssSelector(".who")).getText()).isEqualTo("智能客服");
                assertThat(n.findElement(By.cssSelector(".body")).getText()).startsWith("🤖").contains("9:00 to 21:00");
            });
            screenshot(agent, Path.of("target/shots/bot-console.png"));
        } finally {
            agent.quit();
        }
    }
}
