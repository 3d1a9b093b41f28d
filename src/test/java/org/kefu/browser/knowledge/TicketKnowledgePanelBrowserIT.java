package org.kefu.browser.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kefu.browser.BrowserTest;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

class TicketKnowledgePanelBrowserIT extends BrowserTest {

    @Test
    void agentSeesASuggestionOnTheTicketAndInsertsItIntoTheReply() {
        String marker = unique("p").replace("-", "");
        long articleId = admin.post("/api/v1/knowledge/articles", Map.of("language", "zh-CN",
                "title", "包裹丢失赔偿标准 " + marker, "body", "包裹丢失时，我们按订单金额全额赔偿，三个工作日内到账。",
                "questions", List.of("包裹丢了怎么赔"))).body().get("id").asLong();
        admin.post("/api/v1/knowledge/articles/" + articleId + "/publish", Map.of());
        long ticketId = openTicket(admin, ticket("包裹丢失 " + marker, "我的包裹丢失了，怎么赔偿？")).get("id").asLong();

        signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        open("/tickets/" + ticketId);
        WebElement suggestion = find("#ticket-knowledge .kb-suggestion[data-article-id='" + articleId + "']");
        assertThat(suggestion.findElement(By.cssSelector(".kb-suggestion-title")).getText()).contains("包裹丢失赔偿标准");

        suggestion.findElement(By.cssSelector(".kb-insert-text")).click();
        waitUntil(d -> d.findElement(By.id("composer-body")).getAttribute("value").contains("全额赔偿"));

        find("#ticket-knowledge .kb-suggestion[data-article-id='" + articleId + "'] .kb-insert-link").click();
        waitUntil(d -> d.findElement(By.id("composer-body")).getAttribute("value").contains("/help/zh-CN/" + articleId + "-"));

        // the insertion was recorded: resolving the ticket counts the article as having helped
        waitUntil(d -> {
            admin.put("/api/v1/tickets/" + ticketId + "/status", Map.of("status", "RESOLVED"));
            if (admin.get("/api/v1/knowledge/articles/" + articleId + "/stats").body().get("usedInResolved").asLong() == 1) {
                return true;
            }
            admin.put("/api/v1/tickets/" + ticketId + "/status", Map.of("status", "REOPENED"));
            return null;
        });
        signOut();
    }
}
