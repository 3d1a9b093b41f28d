package org.kefu.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.kefu.knowledge.Article;
import org.kefu.knowledge.ArticleLanguage;
import org.kefu.knowledge.ArticleStats;
import org.kefu.knowledge.Articles;
import org.kefu.knowledge.NewArticle;
import org.kefu.knowledge.VariantText;
import org.kefu.platform.Actor;
import org.kefu.platform.Role;
import org.kefu.support.IntegrationTest;
import org.kefu.support.Outbox;
import org.kefu.support.WebVisitor;
import org.springframework.beans.factory.annotation.Autowired;

/** The portal's ask page over real HTTP, for a signed-in customer, against the real knowledge base. */
class BotPortalIT extends IntegrationTest {

    static final Actor EDITOR = new Actor(1L, "编辑", "editor@test.kefu.local", Role.SUPERVISOR, Set.of(), Set.of());

    @Autowired
    Articles articles;

    @Autowired
    ArticleStats stats;

    @org.springframework.beans.factory.annotation.Value("${kefu.bot.portal-asks-per-minute:20}")
    int asksPerMinute;

    private WebVisitor signedIn(String email) {
        return signedIn(email, null);
    }

    private WebVisitor signedIn(String email, java.net.InetAddress from) {
        WebVisitor visitor = new WebVisitor(port, from);
        int before = Outbox.to(email).size();
        assertThat(visitor.post("/portal/link", Map.of("email", email)).redirectsTo("/portal/login?sent")).isTrue();
        String link = Outbox.awaitMail(email, before + 1).portalLinkPath();
        assertThat(visitor.get(link).redirectsTo("/portal/tickets")).isTrue();
        return visitor;
    }

    @Test
    void aCustomerAsksInThePortalRatesTheAnswerAndCanStillOpenATicket() {
        String marker = "zq" + UUID.randomUUID().toString().substring(0, 4);
        Article article = articles.create(new NewArticle(null, false, ArticleLanguage.ZH_CN, List.of(), new VariantText(
                "发票怎么开" + marker, null, "订单完成后，在“我的订单”里点击“申请发票”，电子发票会在一个工作日内发到您的邮箱。",
                List.of("怎么开发票", "发票多久能收到"))), EDITOR);
        articles.publish(article.getId(), EDITOR);
        String email = unique("ask") + "@example.com";
        assertThat(admin.post("/api/v1/customers", Map.of("name", "提问的客户", "emails", List.of(email))).status()).isEqualTo(201);
        WebVisitor customer = signedIn(email);

        WebVisitor.Page page = customer.get("/portal/ask");
        assertThat(page.status()).isEqualTo(200);
        assertThat(customer.get("/portal/tickets").body()).contains("href=\"/portal/ask\"");

        WebVisitor.Page answer = customer.post("/portal/ask", Map.of("question", "怎么开发票" + marker));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("data-outcome=\"ANSWERED\"").contains("一个工作日内")
                .contains("/help/zh-CN/" + article.getId() + "-").contains("data-bot-helped=\"false\"")
                .contains("/portal/tickets/new?subject=");
        Matcher turn = Pattern.compile("name=\"turnId\" value=\"(\\d+)\"").matcher(answer.body());
        assertThat(turn.find()).isTrue();

        WebVisitor.Page rated = customer.post("/portal/ask/feedback", Map.of("turnId", turn.group(1), "helped", "false",
                "question", "怎么开发票" + marker));
        assertThat(rated.status()).isEqualTo(200);
        assertThat(rated.body()).contains("id=\"bot-still-need-help\"");
        assertThat(stats.of(article.getId()).notHelpful()).isEqualTo(1);

        WebVisitor.Page person = customer.post("/portal/ask", Map.of("question", "我要找人工客服"));
        assertThat(person.body()).contains("data-handed-off=\"true\"").contains("id=\"bot-still-need-help\"");

        WebVisitor.Page prefilled = customer.get("/portal/tickets/new?subject="
                + java.net.URLEncoder.encode("怎么开发票" + marker, java.nio.charset.StandardCharsets.UTF_8)
                + "&description=" + java.net.URLEncoder.encode("<b>还是不会</b>", java.nio.charset.StandardCharsets.UTF_8));
        assertThat(prefilled.status()).isEqualTo(200);
        assertThat(prefilled.body()).contains("value=\"怎么开发票" + marker + "\"").contains("&lt;b&gt;还是不会&lt;/b&gt;")
                .doesNotContain("<b>还是不会</b>");

        WebVisitor.Page blank = customer.post("/portal/ask", Map.of("question", " "));
        assertThat(blank.status()).isEqualTo(422);

        WebVisitor stranger = new WebVisitor(port);
        assertThat(stranger.get("/portal/ask").status()).as("signed-in customers only").isIn(302, 401, 403);
    }

    @Test
    void anAddressAskingMoreThanTheLimitIsRefusedWithRetryAfter() {
        String email = unique("many") + "@example.com";
        assertThat(admin.post("/api/v1/customers", Map.of("name", "问个不停", "emails", List.of(email))).status()).isEqualTo(201);
        WebVisitor customer = signedIn(email, WebVisitor.freshLoopback());
        int answered = 0;
        WebVisitor.Page refused = null;
        // the bucket refills evenly over the minute, so a slow run may get a few more than the limit
        for (int i = 0; i < asksPerMinute * 2 && refused == null; i++) {
            WebVisitor.Page page = customer.post("/portal/ask", Map.of("question", "第" + i + "个问题：运费怎么算"));
            if (page.status() == 429) {
                refused = page;
            } else {
                assertThat(page.status()).isEqualTo(200);
                answered++;
            }
        }

        assertThat(answered).isGreaterThanOrEqualTo(asksPerMinute);
        assertThat(refused).as("refused within twice the limit").isNotNull();
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
        assertThat(refused.body()).contains("questions to the bot");
        assertThat(customer.get("/portal/ask").status()).as("reading the page is not limited").isEqualTo(200);
    }
}
