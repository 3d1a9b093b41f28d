package org.kefu.channel.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.kefu.support.Api;
import org.kefu.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/** Webhook channels over real HTTP: signed messages in, signed replies out to a callback served in the test. */
class WebhookChannelIT extends IntegrationTest {

    /** A request the test's callback server received. */
    record Received(String path, String signature, byte[] body) {
    }

    private HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger callbackStatus = new AtomicInteger(200);

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/callback", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("X-Kefu-Signature"), body));
            exchange.sendResponseHeaders(callbackStatus.get(), -1);
            exchange.close();
        });
        server.createContext("/files/receipt.txt", exchange -> {
            byte[] bytes = "订单 12345 的收据".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    record Channel(long id, String key, String secret) {
    }

    private Channel channel(String callbackUrl) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", unique("微信"));
        body.put("source", "WECHAT");
        body.put("callbackUrl", callbackUrl);
        Api.Response r = admin.post("/api/v1/channels/webhooks", body);
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        assertThat(r.body().get("secret").asString()).hasSizeGreaterThan(30);
        return new Channel(r.body().get("id").asLong(), r.body().get("key").asString(), r.body().get("secret").asString());
    }

    private Api.Response deliver(Channel channel, String json, String signature) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (signature != null) {
            headers.put("X-Kefu-Signature", signature);
        }
        return new Api(port, null).raw("POST", "/api/v1/channels/webhook/" + channel.key(), json, headers);
    }

    private Api.Response deliver(Channel channel, String json) {
        return deliver(channel, json, WebhookSignature.header(channel.secret(), Instant.now(),
                json.getBytes(StandardCharsets.UTF_8)));
    }

    private static String message(String user, String messageId, String text) {
        return Api.JSON.writeValueAsString(Map.of("externalUserId", user, "displayName", "小王", "text", text,
                "externalMessageId", messageId));
    }

    private List<JsonNode> timeline(long ticketId) {
        List<JsonNode> entries = new ArrayList<>();
        admin.get("/api/v1/tickets/" + ticketId + "/timeline?limit=100").body().get("items").forEach(entries::add);
        return entries;
    }

    private static long count(List<JsonNode> entries, String kind) {
        return entries.stream().filter(e -> e.get("kind").asString().equals(kind)).count();
    }

    private static void await(BooleanSupplier condition, Duration max) throws InterruptedException {
        long end = System.nanoTime() + max.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met within " + max);
            }
            Thread.sleep(100);
        }
    }

    @Test
    void concurrentMessagesOfOneNewSenderAllLandWithOneCustomer() throws Exception {
        Channel channel = channel(null);
        String user = unique("wx-race");
        int senders = 6;
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        try {
            List<String> bodies = new ArrayList<>();
            List<Future<Api.Response>> futures = new ArrayList<>();
            for (int i = 0; i < senders; i++) {
                String json = message(user, unique("m"), "第" + i + "条：快递没到");
                bodies.add(json);
                futures.add(pool.submit(() -> {
                    start.await();
                    return deliver(channel, json);
                }));
            }
            start.countDown();
            List<Long> customers = new ArrayList<>();
            for (int i = 0; i < senders; i++) {
                Api.Response r = futures.get(i).get();
                // six messages on one new ticket at once may exhaust the intake's retries on that ticket: the sender
                // is told to retry (409), never a 500, and the retry lands
                if (r.status() == 409) {
                    assertThat(r.raw()).contains("retry");
                    r = deliver(channel, bodies.get(i));
                }
                assertThat(r.status()).as(r.raw()).isEqualTo(200);
                long ticketId = r.body().get("ticketId").asLong();
                customers.add(admin.get("/api/v1/tickets/" + ticketId).body().get("customer").get("id").asLong());
            }
            assertThat(customers.stream().distinct()).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void signedMessageOpensASocialTicketForTheSendersExternalIdentity() {
        Channel channel = channel(null);
        String user = unique("wx-user");
        Api.Response r = deliver(channel, message(user, unique("m"), "快递三天没到，请帮忙查一下"));

        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(r.body().get("newTicket").asBoolean()).isTrue();
        JsonNode ticket = admin.get("/api/v1/tickets/" + r.body().get("ticketId").asLong()).body();
        assertThat(ticket.get("channel").asString()).isEqualTo("SOCIAL");
        assertThat(ticket.get("subject").asString()).isEqualTo("快递三天没到，请帮忙查一下");
        JsonNode customer = admin.get("/api/v1/customers/" + r.body().get("customerId").asLong()).body();
        assertThat(customer.get("name").asString()).isEqualTo("小王");
        assertThat(customer.get("identities").toString()).contains("SOCIAL").contains("wh" + channel.id() + ":" + user);

        Api.Response second = deliver(channel, message(user, unique("m"), "还有，我的订单号是 12345"));
        assertThat(second.body().get("newTicket").asBoolean()).isFalse();
        assertThat(second.body().get("ticketId").asLong()).isEqualTo(r.body().get("ticketId").asLong());
        assertThat(second.body().get("customerId").asLong()).isEqualTo(r.body().get("customerId").asLong());
        assertThat(count(timeline(r.body().get("ticketId").asLong()), "CUSTOMER_MESSAGE")).isEqualTo(2);
    }

    @Test
    void aRedeliveredMessageIsAnsweredTheSameAndStoredOnce() throws Exception {
        Channel channel = channel(null);
        String user = unique("wx-user");
        String json = message(user, unique("m"), "第一条");
        Api.Response first = deliver(channel, json);
        Api.Response again = deliver(channel, json);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());

        // a burst of the same new message at once: one ticket message, the same receipt for all
        String burst = message(user, unique("m"), "并发的同一条");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Api.Response>> answers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                answers.add(pool.submit(() -> deliver(channel, burst)));
            }
            for (Future<Api.Response> answer : answers) {
                Api.Response response = answer.get();
                assertThat(response.status()).as(response.raw()).isEqualTo(200);
                assertThat(response.body().get("ticketId").asLong()).isEqualTo(first.body().get("ticketId").asLong());
            }
        } finally {
            pool.shutdownNow();
        }
        List<JsonNode> entries = timeline(first.body().get("ticketId").asLong());
        assertThat(count(entries, "CUSTOMER_MESSAGE")).isEqualTo(2);
    }

    @Test
    void aBadMissingOrStaleSignatureIsRefusedAndStoresNothing() {
        Channel channel = channel(null);
        String json = message(unique("wx-user"), unique("m"), "伪造的消息");
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);

        Api.Response missing = deliver(channel, json, null);
        Api.Response wrongKey = deliver(channel, json, WebhookSignature.header("not-the-secret", Instant.now(), bytes));
        Api.Response stale = deliver(channel, json, WebhookSignature.header(channel.secret(),
                Instant.now().minus(Duration.ofMinutes(6)), bytes));
        Api.Response future = deliver(channel, json, WebhookSignature.header(channel.secret(),
                Instant.now().plus(Duration.ofMinutes(6)), bytes));
        Api.Response otherBody = deliver(channel, json.replace("伪造", "改过"),
                WebhookSignature.header(channel.secret(), Instant.now(), bytes));
        Api.Response garbage = deliver(channel, json, "t=abc,v1=zz");
        for (Api.Response r : List.of(missing, wrongKey, stale, future, otherBody, garbage)) {
            assertThat(r.status()).as(r.raw()).isEqualTo(401);
            assertThat(r.contentType()).startsWith("application/problem+json");
        }
        assertThat(stale.body().get("reason").asString()).isEqualTo("STALE");

        // nothing was stored: the same message, now signed, is new
        Api.Response signed = deliver(channel, json);
        assertThat(signed.status()).isEqualTo(200);
        assertThat(signed.body().get("newTicket").asBoolean()).isTrue();
        assertThat(count(timeline(signed.body().get("ticketId").asLong()), "CUSTOMER_MESSAGE")).isEqualTo(1);
    }

    @Test
    void invalidFieldsAreNamedAndUnknownChannelsAreNotFound() {
        Channel channel = channel(null);
        Api.Response r = deliver(channel, "{\"externalUserId\": 5, \"text\": \"hi\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.raw()).contains("externalUserId").contains("externalMessageId");
        Api.Response unknown = new Api(port, null).raw("POST", "/api/v1/channels/webhook/no-such-key", "{}", Map.of());
        assertThat(unknown.status()).isEqualTo(404);
    }

    @Test
    void attachmentsAreFetchedAndAFailedFetchLeavesAVisibleNotice() {
        Channel channel = channel(null);
        String missingUrl = base() + "/files/gone.png";
        String json = Api.JSON.writeValueAsString(Map.of("externalUserId", unique("wx-user"), "text", "收据见附件",
                "externalMessageId", unique("m"), "attachments", List.of(
                        Map.of("url", base() + "/files/receipt.txt", "name", "收据.txt", "contentType", "text/plain"),
                        Map.of("url", missingUrl, "name", "photo.png"))));
        Api.Response r = deliver(channel, json);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);

        List<JsonNode> entries = timeline(r.body().get("ticketId").asLong());
        JsonNode first = entries.stream().filter(e -> e.get("kind").asString().equals("CUSTOMER_MESSAGE")).findFirst().orElseThrow();
        assertThat(first.get("body").asString()).isEqualTo("收据见附件");
        assertThat(first.get("attachments")).hasSize(1);
        assertThat(first.get("attachments").get(0).get("fileName").asString()).isEqualTo("收据.txt");
        JsonNode notice = entries.stream().filter(e -> "NOTICE".equals(e.path("eventType").asString(""))).findFirst().orElseThrow();
        assertThat(notice.get("eventData").get("key").asString()).isEqualTo("channel.webhook.attachmentFailed");
        assertThat(notice.get("eventData").get("args").get(0).asString()).isEqualTo(missingUrl);
        assertThat(notice.get("eventData").get("level").asString()).isEqualTo("WARNING");
    }

    @Test
    void anAgentReplyIsPostedToTheCallbackSignedWithTheChannelSecret() throws Exception {
        Channel channel = channel(base() + "/callback");
        String user = unique("wx-user");
        Api.Response in = deliver(channel, message(user, unique("m"), "请问发货了吗"));
        long ticketId = in.body().get("ticketId").asLong();

        Api.Response reply = admin.post("/api/v1/tickets/" + ticketId + "/messages", Map.of("body", "已经发货，单号 SF123"));
        assertThat(reply.status()).as(reply.raw()).isIn(200, 201);

        await(() -> !received.isEmpty(), Duration.ofSeconds(20));
        Received callback = received.get(0);
        assertThat(WebhookSignature.verify(callback.signature(), callback.body(), channel.secret(), Instant.now()))
                .isEqualTo(WebhookSignature.Verdict.VALID);
        JsonNode payload = Api.JSON.readTree(callback.body());
        assertThat(payload.get("externalUserId").asString()).isEqualTo(user);
        assertThat(payload.get("text").asString()).isEqualTo("已经发货，单号 SF123");
        assertThat(payload.get("ticketNumber").asString()).isEqualTo(in.body().get("ticketNumber").asString());
        assertThat(payload.get("replyId").asString()).isEqualTo(reply.body().get("id").asString());
        Thread.sleep(1500);
        assertThat(received).hasSize(1);
    }

    @Test
    void aCallbackThatStaysDownIsRetriedThenShownAsFailedOnTheTicket() throws Exception {
        callbackStatus.set(503);
        Channel channel = channel(base() + "/callback");
        Api.Response in = deliver(channel, message(unique("wx-user"), unique("m"), "在吗"));
        long ticketId = in.body().get("ticketId").asLong();
        admin.post("/api/v1/tickets/" + ticketId + "/messages", Map.of("body", "在的，请讲"));

        await(() -> timeline(ticketId).stream().anyMatch(e -> "NOTICE".equals(e.path("eventType").asString(""))
                && e.get("eventData").get("key").asString().equals("channel.webhook.deliveryFailed")), Duration.ofSeconds(40));
        assertThat(received).hasSize(3);
    }

    @Test
    void onlyAdminsManageWebhookChannels() {
        long department = createDepartment("客服部");
        Api agent = agentIn("SUPERVISOR", List.of(department), List.of());
        assertThat(agent.get("/api/v1/channels/webhooks").status()).isEqualTo(403);
        assertThat(agent.post("/api/v1/channels/webhooks", Map.of("name", "x", "source", "APP")).status()).isEqualTo(403);
        Api.Response invalid = admin.post("/api/v1/channels/webhooks", Map.of("name", "x", "source", "APP",
                "callbackUrl", "ftp://example.com/x"));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.raw()).contains("callbackUrl");
    }

    @Test
    void onAMergedTicketTheReplyGoesToTheWebhookOnlyWhenTheCustomerLastWroteThroughIt() throws Exception {
        Channel channel = channel(base() + "/callback");
        String user = unique("wx-user");
        Api.Response first = deliver(channel, message(user, unique("m"), "退款还没到账"));
        long webhookTicket = first.body().get("ticketId").asLong();
        long customerId = admin.get("/api/v1/tickets/" + webhookTicket).body().get("customer").get("id").asLong();
        // the same customer called in afterwards; the agent merges the WeChat ticket into the phone ticket
        JsonNode phone = openTicket(admin, Map.of("subject", "电话：退款", "description", "客户来电询问退款进度",
                "channel", "PHONE", "customerId", customerId));
        long survivor = phone.get("id").asLong();
        Api.Response merged = admin.post("/api/v1/tickets/" + survivor + "/merge", Map.of("duplicateId", webhookTicket));
        assertThat(merged.status()).as(merged.raw()).isEqualTo(200);

        // the customer's latest words came by phone: the reply does not go to WeChat
        admin.post("/api/v1/tickets/" + survivor + "/messages", Map.of("body", "已为您加急处理。"));
        Thread.sleep(2000);
        assertThat(received).isEmpty();

        // now they write on WeChat again: the message joins the surviving ticket, and the reply goes back to WeChat
        Api.Response again = deliver(channel, message(user, unique("m"), "请问今天能到吗？"));
        assertThat(again.body().get("ticketId").asLong()).isEqualTo(survivor);
        Api.Response reply = admin.post("/api/v1/tickets/" + survivor + "/messages", Map.of("body", "今天下午到账。"));
        assertThat(reply.status()).as(reply.raw()).isIn(200, 201);
        await(() -> !received.isEmpty(), Duration.ofSeconds(20));
        JsonNode payload = Api.JSON.readTree(received.get(0).body());
        assertThat(payload.get("externalUserId").asString()).isEqualTo(user);
        assertThat(payload.get("text").asString()).isEqualTo("今天下午到账。");
        assertThat(payload.get("ticketNumber").asString()).isEqualTo(phone.get("number").asString());
        JsonNode lastCustomerMessage = admin.get("/api/v1/tickets/" + survivor + "/timeline?kind=CUSTOMER_MESSAGE&limit=100")
                .body().get("items");
        assertThat(lastCustomerMessage.get(lastCustomerMessage.size() - 1).toString()).contains("SOCIAL");
    }

    @Autowired
    AttachmentLinks links;

    @Test
    void replyFilesReachTheGatewayAsSignedLinksThatExpire() throws Exception {
        Channel channel = channel(base() + "/callback");
        Api.Response in = deliver(channel, message(unique("wx-user"), unique("m"), "发票能发我吗"));
        long ticketId = in.body().get("ticketId").asLong();
        Api.Response reply = admin.multipart("/api/v1/tickets/" + ticketId + "/messages", Map.of("body", "发票见附件。"),
                "attachments", List.of(new Api.FilePart("发票.txt", "text/plain", "发票号 0001".getBytes(StandardCharsets.UTF_8))),
                Map.of());
        assertThat(reply.status()).as(reply.raw()).isEqualTo(201);
        await(() -> !received.isEmpty(), Duration.ofSeconds(20));
        JsonNode file = Api.JSON.readTree(received.get(0).body()).get("attachments").get(0);
        assertThat(file.get("name").asString()).isEqualTo("发票.txt");
        URI url = URI.create(file.get("url").asString());
        assertThat(url.getPath()).startsWith("/attachments/public/");
        String pathAndQuery = url.getRawPath() + "?" + url.getRawQuery();

        Api anonymous = new Api(port, null);
        Api.Response fetched = anonymous.get(pathAndQuery);
        assertThat(fetched.status()).as(fetched.raw()).isEqualTo(200);
        assertThat(fetched.raw()).isEqualTo("发票号 0001");

        long attachmentId = Long.parseLong(url.getPath().substring("/attachments/public/".length()));
        String sig = url.getRawQuery().replaceAll(".*sig=([^&]+).*", "$1");
        long exp = Long.parseLong(url.getRawQuery().replaceAll(".*exp=(\\d+).*", "$1"));
        // another file, a later expiry or a changed signature: refused
        assertThat(anonymous.get("/attachments/public/" + (attachmentId + 1) + "?exp=" + exp + "&sig=" + sig).status())
                .isEqualTo(403);
        assertThat(anonymous.get("/attachments/public/" + attachmentId + "?exp=" + (exp + 3600) + "&sig=" + sig).status())
                .isEqualTo(403);
        String tampered = (sig.charAt(0) == 'A' ? "B" : "A") + sig.substring(1);
        assertThat(anonymous.get("/attachments/public/" + attachmentId + "?exp=" + exp + "&sig=" + tampered).status())
                .isEqualTo(403);
        assertThat(anonymous.get("/attachments/public/" + attachmentId).status()).isEqualTo(403);
        // correctly signed but expired
        long past = Instant.now().minusSeconds(60).getEpochSecond();
        assertThat(anonymous.get("/attachments/public/" + attachmentId + "?exp=" + past + "&sig="
                + links.signature(attachmentId, past)).status()).isEqualTo(403);
    }
}
