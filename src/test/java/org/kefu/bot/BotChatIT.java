package org.kefu.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kefu.knowledge.Article;
import org.kefu.knowledge.ArticleLanguage;
import org.kefu.knowledge.ArticleStats;
import org.kefu.knowledge.Articles;
import org.kefu.knowledge.NewArticle;
import org.kefu.knowledge.VariantText;
import org.kefu.platform.Actor;
import org.kefu.platform.Role;
import org.kefu.support.Api;
import org.kefu.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The bot in the chat widget over real HTTP, against the real knowledge base: articles are written and published
 * through the knowledge module's services, the visitor talks through the widget's API, agents through theirs.
 */
class BotChatIT extends IntegrationTest {

    static final Actor EDITOR = new Actor(1L, "编辑", "editor@test.kefu.local", Role.SUPERVISOR, Set.of(), Set.of());

    @Autowired
    Articles articles;

    @Autowired
    ArticleStats stats;

    @Autowired
    BotIdleChats idleChats;

    @org.springframework.beans.factory.annotation.Value("${kefu.bot.chat-idle-resolve:PT30M}")
    java.time.Duration idle;

    private Api visitor;
    private Api agent;
    private String key;
    private long channelId;
    private String marker;
    private Article refund;

    @BeforeEach
    void channelWithTheBot() {
        visitor = new Api(port, null);
        long department = createDepartment("在线客服");
        Api.Response channel = admin.post("/api/v1/channels/chat/channels", Map.of("name", "官网", "departmentId", department,
                "allowedOrigins", List.of("https://shop.example.com"), "greeting", "您好！"));
        assertThat(channel.status()).as(channel.raw()).isEqualTo(201);
        key = channel.body().get("publicKey").asString();
        channelId = channel.body().get("id").asLong();
        Api.Response rule = admin.put("/api/v1/bot/channels/" + channelId, Map.of("enabled", true, "vipSkips", true));
        assertThat(rule.status()).as(rule.raw()).isEqualTo(200);
        agent = agentIn("AGENT", List.of(department), List.of());
        assertThat(agent.put("/api/v1/me/presence", Map.of("presence", "AVAILABLE")).status()).isEqualTo(200);
        marker = "zq" + UUID.randomUUID().toString().substring(0, 4);
        refund = articles.create(new NewArticle(null, false, ArticleLanguage.ZH_CN, List.of("退款"), new VariantText(
                "怎样申请退货退款" + marker, null, """
                ## 申请条件

                签收后七天内，商品未使用、包装完好，可以申请无理由退货。

                ## 退款到账时间

                仓库收到退货后，退款会在三到五个工作日内原路退回您的支付账户。
                """, List.of("退款多久到账", "怎么退货"))), EDITOR);
        articles.publish(refund.getId(), EDITOR);
    }

    private String start(Map<String, Object> body) {
        Api.Response r = visitor.post("/chat/api/" + key + "/conversations", body);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.body().get("token").asString();
    }

    private JsonNode hello(String token, String language) {
        Api.Response r = visitor.post("/chat/api/" + key + "/bot/hello", Map.of("language", language), Map.of("X-Chat-Token", token));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.body();
    }

    private void say(String token, String text) {
        Api.Response r = visitor.post("/chat/api/" + key + "/messages", Map.of("text", text), Map.of("X-Chat-Token", token));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
    }

    private JsonNode conversation(String token) {
        return visitor.raw("GET", "/chat/api/" + key + "/messages", null, Map.of("X-Chat-Token", token)).body();
    }

    private List<JsonNode> turns(String token) {
        Api.Response r = visitor.raw("GET", "/chat/api/" + key + "/bot/turns?since=0", null, Map.of("X-Chat-Token", token));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        List<JsonNode> list = new ArrayList<>();
        r.body().get("turns").forEach(list::add);
        return list;
    }

    private JsonNode lastTurn(String token) {
        List<JsonNode> all = turns(token);
        return all.getLast();
    }

    private Api.Response feedback(String token, long turnId, boolean helped) {
        return visitor.post("/chat/api/" + key + "/bot/turns/" + turnId + "/feedback", Map.of("helped", helped),
                Map.of("X-Chat-Token", token));
    }

    private boolean queued(long ticketId) {
        for (JsonNode w : agent.get("/api/v1/channels/chat/queue").body()) {
            if (w.get("ticketId").asLong() == ticketId) {
                return true;
            }
        }
        return false;
    }

    private List<String> handOffReasons(long ticketId) {
        List<String> reasons = new ArrayList<>();
        for (JsonNode h : admin.get("/api/v1/bot/reports/handoffs?limit=100").body().get("items")) {
            if (h.hasNonNull("ticketId") && h.get("ticketId").asLong() == ticketId) {
                reasons.add(h.get("reason").asString());
            }
        }
        return reasons;
    }

    private long summary(String figure) {
        return admin.get("/api/v1/bot/reports/summary").body().get(figure).asLong();
    }

    @Test
    void theBotAnswersFromTheKnowledgeBaseBeforeTheQueueAndAHelpfulAnswerIsCounted() {
        long answeredBefore = summary("answered");
        long helpedBefore = summary("helped");
        String token = start(Map.of("name", "小王"));
        JsonNode hello = hello(token, "zh-CN");
        assertThat(hello.get("active").asBoolean()).isTrue();
        assertThat(hello.get("turns").get(0).get("text").asString()).contains("智能客服");

        say(token, "退款多久到账？" + marker);
        JsonNode c = conversation(token);
        assertThat(c.get("state").asString()).as("the bot answered: not queued").isEqualTo("NEW");
        long ticketId = c.get("ticketId").asLong();
        assertThat(queued(ticketId)).isFalse();

        JsonNode answer = lastTurn(token);
        assertThat(answer.get("outcome").asString()).isEqualTo("ANSWERED");
        assertThat(answer.get("askFeedback").asBoolean()).isTrue();
        assertThat(answer.get("text").asString()).contains("三到五个工作日");
        JsonNode article = answer.get("articles").get(0);
        assertThat(article.get("articleId").asLong()).isEqualTo(refund.getId());
        assertThat(article.get("title").asString()).isEqualTo("怎样申请退货退款" + marker);
        assertThat(article.get("url").asString()).startsWith("http").contains("/help/zh-CN/" + refund.getId() + "-");
        assertThat(answer.get("order").asLong()).as("placed after the visitor's message").isGreaterThan(
                c.get("messages").get(0).get("id").asLong());

        Api.Response helped = feedback(token, answer.get("id").asLong(), true);
        assertThat(helped.status()).as(helped.raw()).isEqualTo(200);
        assertThat(helped.body().get("handedOff").asBoolean()).isFalse();
        assertThat(feedback(token, answer.get("id").asLong(), false).status()).as("one verdict per answer").isEqualTo(409);
        assertThat(stats.of(refund.getId()).helpful()).isEqualTo(1);
        assertThat(summary("answered")).isGreaterThan(answeredBefore);
        assertThat(summary("helped")).isGreaterThan(helpedBefore);
        assertThat(agent.get("/api/v1/tickets/" + ticketId).body().get("status").asString())
                .as("a helpful answer resolves the chat's ticket").isEqualTo("RESOLVED");
        visitor.post("/chat/api/" + key + "/bot/person", Map.of(), Map.of("X-Chat-Token", token));
        assertThat(conversation(token).get("state").asString()).isEqualTo("WAITING");
        assertThat(agent.get("/api/v1/tickets/" + ticketId).body().get("status").asString())
                .as("a person takes over: open again").isEqualTo("REOPENED");
        assertThat(handOffReasons(ticketId)).containsExactly("PERSON_REQUESTED");
    }

    @Test
    void askingForAPersonQueuesTheChatWithTheReasonAndTheAgentSeesWhatTheBotSaid() {
        String token = start(Map.of());
        hello(token, "zh-TW");
        say(token, "退款多久到账？" + marker);
        JsonNode answer = lastTurn(token);
        assertThat(answer.get("outcome").asString()).isEqualTo("ANSWERED");
        assertThat(answer.get("articles").get(0).get("url").asString()).contains("/help/");

        say(token, "請幫我轉人工");
        JsonNode c = conversation(token);
        assertThat(c.get("state").asString()).isEqualTo("WAITING");
        long ticketId = c.get("ticketId").asLong();
        assertThat(queued(ticketId)).isTrue();
        JsonNode handOff = lastTurn(token);
        assertThat(handOff.get("outcome").asString()).isEqualTo("HANDED_OFF");
        assertThat(handOff.get("text").asString()).contains("轉接人工客服");
        assertThat(handOffReasons(ticketId)).containsExactly("PERSON_REQUESTED");

        JsonNode notes = agent.get("/api/v1/tickets/" + ticketId + "/timeline?kind=NOTE&limit=50").body().get("items");
        List<String> botNotes = new ArrayList<>();
        notes.forEach(n -> {
            if ("智能客服".equals(n.get("authorName").asString())) {
                botNotes.add(n.get("body").asString());
            }
        });
        assertThat(botNotes).anySatisfy(b -> assertThat(b).contains("三到五个工作日").contains("/help/zh-CN/" + refund.getId()));
        assertThat(botNotes).anySatisfy(b -> assertThat(b).contains("轉接人工客服"));
        JsonNode events = agent.get("/api/v1/tickets/" + ticketId + "/timeline?kind=EVENT&limit=50").body().get("items");
        assertThat(events.toString()).contains("bot.notice.handOff.PERSON_REQUESTED");

        say(token, "还在吗");
        assertThat(turns(token)).as("after the hand-off the bot stays quiet").hasSize(turns(token).size());
        assertThat(lastTurn(token).get("outcome").asString()).isEqualTo("HANDED_OFF");
    }

    @Test
    void aVipNeverMeetsTheBot() {
        String email = unique("vip") + "@example.com";
        Api.Response vip = admin.post("/api/v1/customers", Map.of("name", "贵宾", "emails", List.of(email), "tier", "VIP"));
        assertThat(vip.status()).as(vip.raw()).isEqualTo(201);
        String token = start(Map.of("name", "贵宾", "email", email));
        JsonNode hello = hello(token, "zh-CN");
        assertThat(hello.get("active").asBoolean()).isFalse();
        assertThat(hello.get("turns")).isEmpty();

        say(token, "退款多久到账？" + marker);
        JsonNode c = conversation(token);
        assertThat(c.get("state").asString()).isEqualTo("WAITING");
        assertThat(turns(token)).isEmpty();
        assertThat(handOffReasons(c.get("ticketId").asLong())).containsExactly("VIP");
    }

    @Test
    void anAngryCustomerIsHandedOver() {
        String token = start(Map.of());
        hello(token, "zh-CN");
        say(token, "你们太过分了！！！退款到现在还没到，我要投诉到消协！");
        JsonNode c = conversation(token);
        assertThat(c.get("state").asString()).isEqualTo("WAITING");
        assertThat(handOffReasons(c.get("ticketId").asLong())).containsExactly("ANGRY");
    }

    @Test
    void aQuestionWithoutAGoodArticleIsHandedOverAndListedForTheKnowledgeTeam() {
        long before = summary("noGoodArticle");
        String token = start(Map.of());
        hello(token, "zh-CN");
        String question = "我家的宠物仓鼠" + marker + "不吃饭怎么办";
        say(token, question);
        JsonNode c = conversation(token);
        assertThat(c.get("state").asString()).isEqualTo("WAITING");
        assertThat(handOffReasons(c.get("ticketId").asLong())).containsExactly("LOW_CONFIDENCE");
        assertThat(summary("noGoodArticle")).isGreaterThan(before);
        JsonNode gaps = admin.get("/api/v1/bot/reports/gaps?limit=200").body();
        List<String> samples = new ArrayList<>();
        gaps.forEach(g -> samples.add(g.get("sample").asString()));
        assertThat(samples).contains(question);
    }

    @Test
    void theSameQuestionTwiceOrTwoUnhelpfulAnswersHandOver() {
        String repeat = start(Map.of());
        hello(repeat, "zh-CN");
        say(repeat, "退款多久到账？" + marker);
        assertThat(lastTurn(repeat).get("outcome").asString()).isEqualTo("ANSWERED");
        say(repeat, "请问退款多久能到账" + marker);
        JsonNode c = conversation(repeat);
        assertThat(c.get("state").asString()).isEqualTo("WAITING");
        assertThat(handOffReasons(c.get("ticketId").asLong())).containsExactly("REPEATED_QUESTION");

        String unhelped = start(Map.of());
        hello(unhelped, "zh-CN");
        say(unhelped, "退款多久到账？" + marker);
        JsonNode first = lastTurn(unhelped);
        Api.Response no = feedback(unhelped, first.get("id").asLong(), false);
        assertThat(no.body().get("handedOff").asBoolean()).isFalse();
        assertThat(no.body().get("turn").get("text").asString()).contains("转人工");
        say(unhelped, "怎么退货" + marker);
        JsonNode second = lastTurn(unhelped);
        assertThat(second.get("outcome").asString()).isEqualTo("ANSWERED");
        Api.Response noAgain = feedback(unhelped, second.get("id").asLong(), false);
        assertThat(noAgain.body().get("handedOff").asBoolean()).isTrue();
        assertThat(noAgain.body().get("reason").asString()).isEqualTo("NOT_HELPED_TWICE");
        JsonNode after = conversation(unhelped);
        assertThat(after.get("state").asString()).isEqualTo("WAITING");
        assertThat(stats.of(refund.getId()).notHelpful()).isEqualTo(2);
    }

    @Test
    void withTheBotOffTheChatGoesStraightToTheQueue() {
        admin.put("/api/v1/bot/channels/" + channelId, Map.of("enabled", false));
        String token = start(Map.of());
        assertThat(hello(token, "en").get("active").asBoolean()).isFalse();
        say(token, "How long does a refund take?");
        assertThat(conversation(token).get("state").asString()).isEqualTo("WAITING");
        assertThat(turns(token)).isEmpty();
    }

    @Test
    void aBotChatLeftWithoutAVerdictIsResolvedAfterTheIdleTimeAndAHandedOffOneIsNot() {
        String left = start(Map.of("name", "走了的访客"));
        hello(left, "zh-CN");
        say(left, "退款多久到账？" + marker);
        long leftTicket = conversation(left).get("ticketId").asLong();
        assertThat(lastTurn(left).get("outcome").asString()).isEqualTo("ANSWERED");

        String person = start(Map.of("name", "要人工的访客"));
        hello(person, "zh-CN");
        say(person, "退款多久到账？" + marker);
        long personTicket = conversation(person).get("ticketId").asLong();
        visitor.post("/chat/api/" + key + "/bot/person", Map.of(), Map.of("X-Chat-Token", person));

        java.time.Instant now = java.time.Instant.now();
        idleChats.sweep(now.plus(idle).minusSeconds(60));
        assertThat(admin.get("/api/v1/tickets/" + leftTicket).body().get("status").asString())
                .as("not idle long enough yet").isEqualTo("NEW");

        idleChats.sweep(now.plus(idle).plusSeconds(60));
        assertThat(admin.get("/api/v1/tickets/" + leftTicket).body().get("status").asString()).isEqualTo("RESOLVED");
        List<JsonNode> timeline = new ArrayList<>();
        admin.get("/api/v1/tickets/" + leftTicket + "/timeline?limit=100").body().get("items").forEach(timeline::add);
        assertThat(timeline.stream().map(JsonNode::toString).filter(e -> e.contains("bot.notice.idleResolved")
                || e.contains("没有再发言"))).hasSize(1);
        assertThat(admin.get("/api/v1/tickets/" + personTicket).body().get("status").asString())
                .as("a person has it").isNotEqualTo("RESOLVED");
    }
}
