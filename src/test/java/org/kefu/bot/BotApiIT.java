package org.kefu.bot;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kefu.knowledge.Article;
import org.kefu.knowledge.ArticleLanguage;
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
 * The bot's REST API for other channels and apps, its settings, and the optional LLM connector against a real
 * local HTTP server answering like an OpenAI-compatible chat-completions endpoint.
 */
class BotApiIT extends IntegrationTest {

    static final Actor EDITOR = new Actor(1L, "编辑", "editor@test.kefu.local", Role.SUPERVISOR, Set.of(), Set.of());

    @Autowired
    Articles articles;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    private HttpServer llm;
    /** Run by the fake model while it "thinks", to see what the desk holds meanwhile. */
    private volatile Runnable whileThinking = () -> { };
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final AtomicInteger delayMs = new AtomicInteger();
    private String marker;
    private Article article;

    @BeforeEach
    void knowledgeAndAFakeFreeLlmServer() throws IOException {
        marker = "zq" + UUID.randomUUID().toString().substring(0, 4);
        article = articles.create(new NewArticle(null, false, ArticleLanguage.EN, List.of(), new VariantText(
                "Opening hours " + marker, null, """
                ## When we answer

                Our service team answers every day from 9:00 to 21:00, public holidays included.
                """, List.of("When are you open?", "What are your opening hours?"))), EDITOR);
        articles.publish(article.getId(), EDITOR);
        llm = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        llm.createContext("/v1/chat/completions", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(body);
            whileThinking.run();
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            try {
                Thread.sleep(delayMs.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] answer = """
                    {"id":"chatcmpl-1","object":"chat.completion","choices":[{"index":0,"message":{"role":"assistant",
                    "content":"We are open every day from 9 am to 9 pm, holidays too."},"finish_reason":"stop"}]}"""
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            try {
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
            } catch (IOException gone) {
                // the desk gave up waiting
            }
            exchange.close();
        });
        llm.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        llm.start();
    }

    @AfterEach
    void llmOffAgain() {
        admin.patch("/api/v1/bot/settings", Map.of("llmEnabled", false, "llmBaseUrl", "", "llmApiKey", "-"));
        llm.stop(0);
    }

    private Api.Response ask(String question) {
        return admin.post("/api/v1/bot/ask", Map.of("question", question, "language", "en"));
    }

    private void llmOn(int timeoutMs) {
        Api.Response r = admin.patch("/api/v1/bot/settings", Map.of("llmEnabled", true,
                "llmBaseUrl", "http://127.0.0.1:" + llm.getAddress().getPort() + "/v1", "llmApiKey", "sk-local-test",
                "llmModel", "local-model", "llmTimeoutMs", timeoutMs));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(r.body().get("llmKeySet").asBoolean()).isTrue();
        assertThat(r.raw()).doesNotContain("sk-local-test");
    }

    @Test
    void withoutTheLlmTheBotAnswersWithThePassage() {
        Api.Response r = ask("What are your opening hours? " + marker);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        JsonNode turn = r.body().get("turn");
        assertThat(r.body().get("handedOff").asBoolean()).isFalse();
        assertThat(turn.get("phrased").asBoolean()).isFalse();
        assertThat(turn.get("text").asString()).contains("9:00 to 21:00");
        assertThat(turn.get("articles").get(0).get("url").asString()).contains("/help/en/" + article.getId() + "-");
        assertThat(requests).isEmpty();
    }

    @Test
    void withTheLlmOnItPhrasesTheAnswerFromThePassagesOnly() {
        llmOn(5000);
        Api.Response r = ask("What are your opening hours? " + marker);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        JsonNode turn = r.body().get("turn");
        assertThat(turn.get("phrased").asBoolean()).isTrue();
        assertThat(turn.get("text").asString()).isEqualTo("We are open every day from 9 am to 9 pm, holidays too.");
        assertThat(turn.get("articles").get(0).get("articleId").asLong()).isEqualTo(article.getId());
        assertThat(requests).hasSize(1);
        assertThat(requests.getFirst()).contains("9:00 to 21:00").contains("local-model").contains("ONLY");
        assertThat(authorizations).containsExactly("Bearer sk-local-test");
    }

    @Test
    void whileTheLlmThinksTheBotHoldsNoLockOnTheSession() {
        Api.Response first = ask("What are your opening hours? " + marker);
        long sessionId = first.body().get("sessionId").asLong();
        List<String> probes = new CopyOnWriteArrayList<>();
        whileThinking = () -> probes.add(lockable(sessionId));
        llmOn(5000);

        Api.Response r = admin.post("/api/v1/bot/ask", Map.of("question", "When are you open? " + marker,
                "language", "en", "sessionId", sessionId));

        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(r.body().get("turn").get("phrased").asBoolean()).isTrue();
        assertThat(probes).containsExactly("free");
    }

    /** Whether another transaction can lock the session row right now, without waiting. */
    private String lockable(long sessionId) {
        try {
            return transactions.execute(tx -> jdbc.sql("select id from bot_session where id = ? for update nowait")
                    .param(sessionId).query(Long.class).single() == sessionId ? "free" : "missing");
        } catch (RuntimeException locked) {
            return "locked: " + locked.getMessage();
        }
    }

    @Test
    void aSlowLlmTimesOutFastAndTheBotAnswersWithThePassage() {
        llmOn(300);
        delayMs.set(8000);
        long started = System.nanoTime();
        Api.Response r = ask("What are your opening hours? " + marker);
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(r.body().get("turn").get("phrased").asBoolean()).isFalse();
        assertThat(r.body().get("turn").get("text").asString()).contains("9:00 to 21:00");
        assertThat(tookMs).as("did not wait for the 8 s answer").isLessThan(6000);
    }

    @Test
    void aDeadLlmEndpointFallsBackToThePassage() {
        llmOn(2000);
        llm.stop(0);
        Api.Response r = ask("What are your opening hours? " + marker);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(r.body().get("turn").get("phrased").asBoolean()).isFalse();
    }

    @Test
    void aSessionRecognisesARepeatAndFeedbackWorks() {
        JsonNode first = ask("When are you open? " + marker).body();
        long session = first.get("sessionId").asLong();
        long turn = first.get("turn").get("id").asLong();
        Api.Response verdict = admin.post("/api/v1/bot/sessions/" + session + "/turns/" + turn + "/feedback", Map.of("helped", false));
        assertThat(verdict.status()).as(verdict.raw()).isEqualTo(200);
        Api.Response again = admin.post("/api/v1/bot/ask", Map.of("question", "when are you open " + marker, "sessionId", session));
        assertThat(again.body().get("handedOff").asBoolean()).isTrue();
        assertThat(again.body().get("reason").asString()).isEqualTo("REPEATED_QUESTION");
        assertThat(admin.post("/api/v1/bot/ask", Map.of("question", "x", "sessionId", session)).status()).isEqualTo(400);
    }

    @Test
    void aVipCustomerAskingThroughTheApiIsHandedOver() {
        Api.Response vip = admin.post("/api/v1/customers", Map.of("name", "VIP", "emails", List.of(unique("v") + "@example.com"),
                "tier", "VIP"));
        Api.Response r = admin.post("/api/v1/bot/ask", Map.of("question", "What are your opening hours? " + marker,
                "customerId", vip.body().get("id").asLong(), "language", "en"));
        assertThat(r.body().get("handedOff").asBoolean()).isTrue();
        assertThat(r.body().get("reason").asString()).isEqualTo("VIP");
    }

    @Test
    void badInputIsAProblemSayingWhatIsWrong() {
        Api.Response blank = admin.post("/api/v1/bot/ask", Map.of("question", " "));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.contentType()).contains("application/problem+json");
        assertThat(blank.raw()).contains("question");
        Api.Response threshold = admin.patch("/api/v1/bot/settings", Map.of("confidenceThreshold", 1.5));
        assertThat(threshold.status()).isEqualTo(400);
        assertThat(threshold.raw()).contains("confidenceThreshold");
        Api.Response url = admin.patch("/api/v1/bot/settings", Map.of("llmBaseUrl", "ftp://x"));
        assertThat(url.status()).isEqualTo(400);
        Api.Response period = admin.get("/api/v1/bot/reports/summary?from=2026-05-01&to=2026-04-01");
        assertThat(period.status()).isEqualTo(400);
        Api.Response reason = admin.get("/api/v1/bot/reports/handoffs?reason=BORED");
        assertThat(reason.status()).isEqualTo(400);
        Map<String, Object> settings = new HashMap<>();
        settings.put("greetingEn", "Hi, I am the bot.");
        assertThat(admin.patch("/api/v1/bot/settings", settings).body().get("greetings").get("en").asString())
                .isEqualTo("Hi, I am the bot.");
    }

    @Test
    void onlySupervisorsSeeReportsAndOnlyAdminsChangeSettings() {
        long department = createDepartment("报表");
        Api agent = agentIn("AGENT", List.of(department), List.of());
        assertThat(agent.get("/api/v1/bot/reports/summary").status()).isEqualTo(403);
        assertThat(agent.patch("/api/v1/bot/settings", Map.of("confidenceThreshold", 0.1)).status()).isEqualTo(403);
        Api supervisor = agentIn("SUPERVISOR", List.of(department), List.of());
        assertThat(supervisor.get("/api/v1/bot/reports/summary").status()).isEqualTo(200);
        assertThat(supervisor.get("/api/v1/bot/reports/handoffs?limit=2").body().has("items")).isTrue();
    }
}
