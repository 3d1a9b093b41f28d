package org.kefu.channel.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kefu.support.Api;
import org.kefu.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/** The widget's API over real HTTP: a visitor and agents, as the widget and the console call it. */
class ChatVisitorFlowIT extends IntegrationTest {

    private Api visitor;
    private long department;
    private String key;
    private Api agent;
    private long agentId;

    @BeforeEach
    void channel() {
        visitor = new Api(port, null);
        department = createDepartment("在线客服");
        Api.Response channel = admin.post("/api/v1/channels/chat/channels", Map.of("name", "官网", "departmentId", department,
                "allowedOrigins", List.of("https://shop.example.com"), "greeting", "您好！"));
        assertThat(channel.status()).as(channel.raw()).isEqualTo(201);
        key = channel.body().get("publicKey").asString();
        agent = agentIn("AGENT", List.of(department), List.of());
        agentId = agent.get("/api/v1/me").body().get("id").asLong();
        assertThat(agent.put("/api/v1/me/presence", Map.of("presence", "AVAILABLE")).status()).isEqualTo(200);
    }

    private JsonNode start(Map<String, Object> body) {
        Api.Response r = visitor.post("/chat/api/" + key + "/conversations", body);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.body();
    }

    private Api.Response say(String token, String text) {
        return visitor.post("/chat/api/" + key + "/messages", Map.of("text", text), Map.of("X-Chat-Token", token));
    }

    private JsonNode poll(String token, long since) {
        Api.Response r = visitor.raw("GET", "/chat/api/" + key + "/messages?since=" + since, null, Map.of("X-Chat-Token", token));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.body();
    }

    @Test
    void visitorChatsWithAnAgentInRealTimeAndTheChatIsATicket() throws Exception {
        JsonNode session = start(Map.of("name", "小王"));
        String token = session.get("token").asString();
        assertThat(session.get("greeting").asString()).isEqualTo("您好！");
        assertThat(session.get("conversation").get("agentsAvailable").asBoolean()).isTrue();
        SseListener stream = SseListener.open(URI.create("http://localhost:" + port + "/chat/api/" + key + "/stream?token=" + token));

        Api.Response sent = say(token, "我的快递三天没到 <script>alert(1)</script>");
        assertThat(sent.status()).as(sent.raw()).isEqualTo(201);
        JsonNode waiting = poll(token, 0);
        assertThat(waiting.get("state").asString()).isEqualTo("WAITING");
        assertThat(waiting.get("position").asInt()).isEqualTo(1);
        assertThat(waiting.get("estimatedWaitSeconds").asLong()).isPositive();

        JsonNode queued = agent.get("/api/v1/channels/chat/queue").body();
        assertThat(queued).hasSize(1);
        long chatId = queued.get(0).get("id").asLong();
        assertThat(queued.get(0).get("offeredAgentId").asLong()).isEqualTo(agentId);
        long ticketId = queued.get(0).get("ticketId").asLong();
        JsonNode ticket = agent.get("/api/v1/tickets/" + ticketId).body();
        assertThat(ticket.get("channel").asString()).isEqualTo("CHAT");

        Api.Response accepted = agent.post("/api/v1/channels/chat/conversations/" + chatId + "/accept", Map.of());
        assertThat(accepted.status()).as(accepted.raw()).isEqualTo(200);
        assertThat(accepted.body().get("state").asString()).isEqualTo("ACTIVE");
        Api.Response reply = agent.post("/api/v1/channels/chat/conversations/" + chatId + "/messages", Map.of("text", "马上帮您查"));
        assertThat(reply.status()).as(reply.raw()).isEqualTo(201);

        String event = stream.next("message", Duration.ofSeconds(10));
        assertThat(event).contains("马上帮您查").contains("\"from\":\"agent\"");
        JsonNode after = poll(token, sent.body().get("id").asLong());
        assertThat(after.get("state").asString()).isEqualTo("ACTIVE");
        assertThat(after.get("agentName").asString()).isEqualTo("测试坐席");
        assertThat(after.get("messages")).hasSize(1);
        assertThat(after.get("messages").get(0).get("text").asString()).isEqualTo("马上帮您查");

        JsonNode mine = agent.get("/api/v1/channels/chat/conversations/" + chatId).body();
        assertThat(mine.get("firstResponseAt").isNull()).isFalse();
        Api.Response solved = agent.post("/api/v1/channels/chat/conversations/" + chatId + "/solve", Map.of());
        assertThat(solved.body().get("state").asString()).isEqualTo("ENDED");
        assertThat(solved.body().get("solvedAt").isNull()).isFalse();
        assertThat(agent.get("/api/v1/tickets/" + ticketId).body().get("status").asString()).isEqualTo("RESOLVED");
        stream.close();
    }

    @Test
    void reloadResumesTheConversationWithTheStoredToken() {
        String token = start(Map.of()).get("token").asString();
        say(token, "第一句");
        JsonNode resumed = start(Map.of("token", token));
        assertThat(resumed.get("resumed").asBoolean()).isTrue();
        assertThat(resumed.get("token").asString()).isEqualTo(token);
        assertThat(resumed.get("conversation").get("messages").get(0).get("text").asString()).isEqualTo("第一句");
        JsonNode fresh = start(Map.of("token", "not-a-token"));
        assertThat(fresh.get("resumed").asBoolean()).isFalse();
        assertThat(fresh.get("token").asString()).isNotEqualTo(token);
    }

    @Test
    void visitorWithAKnownEmailIsLinkedToThatCustomer() {
        String email = unique("known") + "@example.com";
        long customerId = admin.post("/api/v1/customers", Map.of("name", "老客户", "emails", List.of(email))).body().get("id").asLong();
        String token = start(Map.of("name", "老客户", "email", email.toUpperCase())).get("token").asString();
        say(token, "还是上次的问题");
        long ticketId = agent.get("/api/v1/channels/chat/queue").body().get(0).get("ticketId").asLong();
        assertThat(agent.get("/api/v1/tickets/" + ticketId).body().get("customer").get("id").asLong()).isEqualTo(customerId);
        JsonNode customer = admin.get("/api/v1/customers/" + customerId).body();
        assertThat(customer.toString()).contains("CHAT");
    }

    @Test
    void anUnknownVisitorBecomesACustomerKnownByTheVisitorId() {
        String token = start(Map.of()).get("token").asString();
        say(token, "你好");
        JsonNode chat = agent.get("/api/v1/channels/chat/queue").body().get(0);
        JsonNode customer = admin.get("/api/v1/customers/" + chat.get("customerId").asLong()).body();
        assertThat(customer.toString()).contains("CHAT").contains("v-");
    }

    @Test
    void tooManyMessagesFromOneVisitorAre429AndLongMessages413() throws Exception {
        String token = start(Map.of()).get("token").asString();
        Api.Response tooLong = say(token, "长".repeat(2001));
        assertThat(tooLong.status()).isEqualTo(413);
        assertThat(tooLong.contentType()).startsWith("application/problem+json");
        assertThat(say(token, "   ").status()).isEqualTo(400);
        // the test profile allows 5 a minute per visitor (kefu.chat.visitor-per-minute); 9 at once overflow it
        var pool = Executors.newFixedThreadPool(9);
        List<Callable<Api.Response>> burst = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            String text = "消息 " + i;
            burst.add(() -> say(token, text));
        }
        List<Api.Response> answers = new ArrayList<>();
        for (var f : pool.invokeAll(burst)) {
            answers.add(f.get());
        }
        pool.shutdown();
        assertThat(answers).allMatch(r -> r.status() == 201 || r.status() == 429);
        assertThat(answers.stream().filter(r -> r.status() == 201).count()).isBetween(5L, 6L);
        Api.Response limited = answers.stream().filter(r -> r.status() == 429).findFirst().orElseThrow();
        assertThat(limited.contentType()).startsWith("application/problem+json");
        assertThat(limited.header("Retry-After")).isNotBlank();
    }

    @Test
    void aChatThatCameWhileNobodyWasAvailableIsOfferedToTheAgentWhoBecomesAvailable() {
        agent.put("/api/v1/me/presence", Map.of("presence", "AWAY"));
        String token = start(Map.of()).get("token").asString();
        assertThat(say(token, "有人吗？").status()).isEqualTo(201);
        JsonNode waiting = agent.get("/api/v1/channels/chat/queue").body();
        assertThat(waiting).hasSize(1);
        assertThat(waiting.get(0).get("offeredAgentId").isNull()).isTrue();

        assertThat(agent.put("/api/v1/me/presence", Map.of("presence", "AVAILABLE")).status()).isEqualTo(200);
        JsonNode offered = agent.get("/api/v1/channels/chat/queue").body();
        assertThat(offered.get(0).get("offeredAgentId").asLong()).isEqualTo(agentId);
    }

    @Test
    void theOfflineFormBecomesATicket() {
        agent.put("/api/v1/me/presence", Map.of("presence", "OFFLINE"));
        JsonNode session = start(Map.of());
        assertThat(session.get("conversation").get("agentsAvailable").asBoolean()).isFalse();
        assertThat(session.get("offlineForm").asBoolean()).isTrue();
        Api.Response left = visitor.post("/chat/api/" + key + "/offline-messages",
                Map.of("name", "晚上来的人", "email", unique("night") + "@example.com", "text", "明天请回电"));
        assertThat(left.status()).as(left.raw()).isEqualTo(201);
        String number = left.body().get("ticketNumber").asString();
        JsonNode found = admin.get("/api/v1/tickets?q=" + Api.q(number)).body();
        assertThat(found.toString()).contains(number);
        Api.Response noEmail = visitor.post("/chat/api/" + key + "/offline-messages", Map.of("text", "x"));
        assertThat(noEmail.status()).isEqualTo(400);
        assertThat(noEmail.raw()).contains("email");
    }

    @Test
    void anAgentIsNeverGivenMoreChatsThanTheMaximumLoad() throws Exception {
        admin.patch("/api/v1/agents/" + agentId, Map.of("maxLoad", 2));
        List<Long> chats = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String token = start(Map.of()).get("token").asString();
            say(token, "排队 " + i);
        }
        agent.get("/api/v1/channels/chat/queue").body().forEach(c -> chats.add(c.get("id").asLong()));
        assertThat(chats).hasSize(5);
        var pool = Executors.newFixedThreadPool(5);
        List<Callable<Integer>> accepts = chats.stream().<Callable<Integer>>map(id ->
                () -> agent.post("/api/v1/channels/chat/conversations/" + id + "/accept", Map.of()).status()).toList();
        List<Integer> statuses = new ArrayList<>();
        for (var f : pool.invokeAll(accepts)) {
            statuses.add(f.get());
        }
        pool.shutdown();
        assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(2);
        assertThat(statuses.stream().filter(s -> s == 409).count()).isEqualTo(3);
        assertThat(agent.get("/api/v1/channels/chat/conversations/mine").body()).hasSize(2);
    }

    @Test
    void aChatIsTransferredToAColleagueWithTheReasonOnTheTimeline() {
        Api colleague = agentIn("AGENT", List.of(department), List.of());
        long colleagueId = colleague.get("/api/v1/me").body().get("id").asLong();
        String token = start(Map.of()).get("token").asString();
        say(token, "要退款");
        JsonNode chat = agent.get("/api/v1/channels/chat/queue").body().get(0);
        long chatId = chat.get("id").asLong();
        agent.post("/api/v1/channels/chat/conversations/" + chatId + "/accept", Map.of());
        assertThat(agent.post("/api/v1/channels/chat/conversations/" + chatId + "/transfer",
                Map.of("toAgentId", colleagueId)).status()).isEqualTo(400);
        Api.Response moved = agent.post("/api/v1/channels/chat/conversations/" + chatId + "/transfer",
                Map.of("toAgentId", colleagueId, "reason", "退款组负责"));
        assertThat(moved.status()).as(moved.raw()).isEqualTo(200);
        assertThat(moved.body().get("agentId").asLong()).isEqualTo(colleagueId);
        assertThat(colleague.get("/api/v1/channels/chat/conversations/mine").body()).hasSize(1);
        assertThat(agent.get("/api/v1/channels/chat/conversations/mine").body()).isEmpty();
        String timeline = admin.get("/api/v1/tickets/" + chat.get("ticketId").asLong() + "/timeline").raw();
        assertThat(timeline).contains("退款组负责");
    }

    @Test
    void corsOnlyForTheChannelsOrigins() {
        Api.Response allowed = visitor.raw("OPTIONS", "/chat/api/" + key + "/messages", null, Map.of(
                "Origin", "https://shop.example.com", "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "content-type,x-chat-token"));
        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo("https://shop.example.com");
        Api.Response other = visitor.raw("OPTIONS", "/chat/api/" + key + "/messages", null, Map.of(
                "Origin", "https://evil.example.net", "Access-Control-Request-Method", "POST"));
        assertThat(other.status()).isEqualTo(403);
        assertThat(visitor.get("/chat/widget.js").status()).isEqualTo(200);
    }

    /** Reads a server-sent event stream on a background thread. */
    static final class SseListener implements AutoCloseable {

        private final BlockingQueue<String[]> events = new LinkedBlockingQueue<>();
        private final InputStream body;

        private SseListener(InputStream body) {
            this.body = body;
            Thread.ofVirtual().start(this::read);
        }

        static SseListener open(URI uri) throws Exception {
            HttpResponse<InputStream> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri)
                    .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
            assertThat(response.statusCode()).isEqualTo(200);
            return new SseListener(response.body());
        }

        private void read() {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                String name = "message";
                StringBuilder data = new StringBuilder();
                for (String line; (line = in.readLine()) != null; ) {
                    if (line.startsWith("event:")) {
                        name = line.substring(6).strip();
                    } else if (line.startsWith("data:")) {
                        data.append(line.substring(5));
                    } else if (line.isEmpty() && !data.isEmpty()) {
                        events.add(new String[] {name, data.toString()});
                        name = "message";
                        data.setLength(0);
                    }
                }
            } catch (Exception closed) {
                // the test closed the stream
            }
        }

        String next(String name, Duration timeout) throws InterruptedException {
            long end = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < end) {
                String[] event = events.poll(100, TimeUnit.MILLISECONDS);
                if (event != null && event[0].equals(name)) {
                    return event[1];
                }
            }
            throw new AssertionError("no '" + name + "' event within " + timeout);
        }

        @Override
        public void close() throws Exception {
            body.close();
        }
    }
}
