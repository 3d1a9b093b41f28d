import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Live chat load: N concurrent visitors, each with its own open SSE stream (/chat/api/{key}/stream),
 * write M messages each; one agent, signed in through the web form, listens on /live. Measured is the
 * delivery to the agent: from the start of the visitor's POST to the arrival of the agent's live
 * event {@code ticket} (kind customer-message) for that visitor's ticket. Each visitor has at most one
 * message in flight (it writes the next one after the previous one arrived plus --interval-ms).
 * With --steady (the default) the measured messages start only when every visitor has connected and
 * written its first message (which opens its ticket), each visitor at a random offset within
 * --interval-ms: "1,000 concurrent visitors" chatting at a steady pace. --steady=false measures from
 * the first visitor on, so the ramp (ticket opening for the visitors still arriving) overlaps the
 * measurement. The summary also prints the time the ramp took.
 * JDK only, single-file launcher:
 *
 * <pre>
 * java bench/chat/ChatLoad.java --base=http://127.0.0.1:18080 --token=ADMIN_TOKEN --visitors=1000 --messages=5
 * </pre>
 *
 * The app must allow the message rate from one address: KEFU_CHAT_IP_PER_MINUTE and
 * KEFU_CHAT_VISITOR_PER_MINUTE (bench/chat/run.sh sets them).
 */
public class ChatLoad {

    static final Pattern TICKET = Pattern.compile("\"ticketId\":(\\d+),\"kind\":\"([a-z-]+)\"");

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new HashMap<>();
        for (String a : args) {
            String[] kv = a.replaceFirst("^--", "").split("=", 2);
            opt.put(kv[0], kv.length > 1 ? kv[1] : "true");
        }
        String base = opt.getOrDefault("base", "http://127.0.0.1:18080");
        String token = opt.get("token");
        int visitors = Integer.parseInt(opt.getOrDefault("visitors", "1000"));
        int messages = Integer.parseInt(opt.getOrDefault("messages", "5"));
        long interval = Long.parseLong(opt.getOrDefault("interval-ms", "1000"));
        int rampMs = Integer.parseInt(opt.getOrDefault("ramp-ms", "20000"));
        boolean steady = Boolean.parseBoolean(opt.getOrDefault("steady", "true"));
        String samplesFile = opt.get("samples"); // optional: one line per measured message, "sent-offset-ms latency-ms"

        HttpClient api = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        // setup: a department, an available agent with a password, a chat channel
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        long department = id(call(api, base, token, "POST", "/api/v1/departments",
                "{\"code\":\"chat-" + suffix + "\",\"name\":\"chat bench " + suffix + "\"}"));
        String email = "chat-bench-" + suffix + "@bench.kefu.local";
        String password = "chat-bench-password-" + suffix;
        long agent = id(call(api, base, token, "POST", "/api/v1/agents", "{\"email\":\"" + email
                + "\",\"displayName\":\"bench\",\"role\":\"AGENT\",\"maxLoad\":500,\"departmentIds\":[" + department
                + "],\"teamIds\":[],\"password\":\"" + password + "\"}"));
        String agentToken = field(call(api, base, token, "POST", "/api/v1/api-tokens",
                "{\"name\":\"bench\",\"agentId\":" + agent + "}"), "secret");
        call(api, base, agentToken, "PUT", "/api/v1/me/presence", "{\"presence\":\"AVAILABLE\"}");
        String key = field(call(api, base, token, "POST", "/api/v1/channels/chat/channels",
                "{\"name\":\"bench " + suffix + "\",\"departmentId\":" + department + "}"), "publicKey");

        // the agent's live stream
        Map<Long, LinkedBlockingQueue<Long>> arrivals = new ConcurrentHashMap<>();
        CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
        signIn(browser, base, email, password);
        HttpResponse<InputStream> live = browser.send(HttpRequest.newBuilder(URI.create(base + "/live"))
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
        if (live.statusCode() != 200) {
            throw new IllegalStateException("/live answered " + live.statusCode());
        }
        Thread.ofVirtual().start(() -> readEvents(live.body(), data -> {
            Matcher m = TICKET.matcher(data);
            if (m.find() && (m.group(2).equals("customer-message") || m.group(2).equals("opened"))) {
                arrivals.computeIfAbsent(Long.parseLong(m.group(1)), k -> new LinkedBlockingQueue<>()).add(System.nanoTime());
            }
        }));

        HttpClient visitorsClient = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<long[]> samples = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger streams = new AtomicInteger();
        AtomicInteger lost = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(visitors);
        CountDownLatch connected = new CountDownLatch(visitors);
        java.util.concurrent.atomic.AtomicLong allConnectedAt = new java.util.concurrent.atomic.AtomicLong();
        long started = System.nanoTime();
        for (int v = 0; v < visitors; v++) {
            int number = v;
            boolean[] counted = {false};
            Thread.ofVirtual().start(() -> {
                try {
                    Thread.sleep((long) rampMs * number / Math.max(1, visitors));
                    String session = post(visitorsClient, base + "/chat/api/" + key + "/conversations", null, "{}");
                    String visitorToken = field(session, "token");
                    HttpResponse<InputStream> stream = visitorsClient.send(HttpRequest.newBuilder(URI.create(base
                            + "/chat/api/" + key + "/stream?token=" + visitorToken)).header("Accept", "text/event-stream").build(),
                            HttpResponse.BodyHandlers.ofInputStream());
                    if (stream.statusCode() == 200) {
                        streams.incrementAndGet();
                        Thread.ofVirtual().start(() -> readEvents(stream.body(), data -> { }));
                    }
                    post(visitorsClient, base + "/chat/api/" + key + "/messages", visitorToken, "{\"text\":\"你好，第一条 " + number + "\"}");
                    String transcript = get(visitorsClient, base + "/chat/api/" + key + "/messages", visitorToken);
                    long ticketId = Long.parseLong(field(transcript, "ticketId"));
                    LinkedBlockingQueue<Long> mine = arrivals.computeIfAbsent(ticketId, k -> new LinkedBlockingQueue<>());
                    mine.poll(30, TimeUnit.SECONDS); // the "opened" event of the first message: not measured
                    counted[0] = true;
                    connected.countDown();
                    if (steady) {
                        connected.await();
                        allConnectedAt.compareAndSet(0, System.nanoTime());
                        Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(Math.max(1, interval)));
                    }
                    for (int i = 1; i < messages; i++) {
                        if (!steady || i > 1) {
                            Thread.sleep(interval);
                        }
                        mine.clear();
                        long sent = System.nanoTime();
                        post(visitorsClient, base + "/chat/api/" + key + "/messages", visitorToken,
                                "{\"text\":\"visitor " + number + " message " + i + " 我的快递还没到\"}");
                        Long arrived = mine.poll(30, TimeUnit.SECONDS);
                        if (arrived == null) {
                            lost.incrementAndGet();
                        } else {
                            latencies.add(arrived - sent);
                            samples.add(new long[] {sent, arrived - sent});
                        }
                    }
                } catch (Exception e) {
                    if (!counted[0]) {
                        connected.countDown();
                    }
                    errors.incrementAndGet();
                    if (errors.get() <= 5) {
                        System.err.println("visitor " + number + ": " + e);
                    }
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        double seconds = (System.nanoTime() - started) / 1e9;
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("visitors=%d streams-open=%d messages-measured=%d lost=%d errors=%d duration=%.1fs%n",
                visitors, streams.get(), sorted.length, lost.get(), errors.get(), seconds);
        if (steady && allConnectedAt.get() != 0) {
            System.out.printf("steady: all %d visitors connected after %.1fs; measured messages only after that%n",
                    visitors, (allConnectedAt.get() - started) / 1e9);
        }
        if (sorted.length > 0) {
            System.out.printf("delivery to agent ms: p50=%.1f p95=%.1f p99=%.1f max=%.1f%n", pct(sorted, 50), pct(sorted, 95),
                    pct(sorted, 99), sorted[sorted.length - 1] / 1e6);
        }
        if (samplesFile != null) {
            StringBuilder out = new StringBuilder();
            samples.stream().sorted(java.util.Comparator.comparingLong(x -> x[0])).forEach(x ->
                    out.append((x[0] - started) / 1_000_000).append(' ').append(x[1] / 1_000_000).append('\n'));
            java.nio.file.Files.writeString(java.nio.file.Path.of(samplesFile), out);
        }
        System.exit(0);
    }

    static double pct(long[] sorted, double p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    interface EventSink {
        void accept(String data);
    }

    static void readEvents(InputStream body, EventSink sink) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            StringBuilder data = new StringBuilder();
            for (String line; (line = in.readLine()) != null; ) {
                if (line.startsWith("data:")) {
                    data.append(line.substring(5));
                } else if (line.isEmpty() && !data.isEmpty()) {
                    sink.accept(data.toString());
                    data.setLength(0);
                }
            }
        } catch (Exception closed) {
            // stream ended
        }
    }

    static void signIn(HttpClient browser, String base, String email, String password) throws Exception {
        String page = browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(page);
        if (!csrf.find()) {
            csrf = Pattern.compile("value=\"([^\"]+)\"\\s+name=\"_csrf\"").matcher(page);
            if (!csrf.find()) {
                throw new IllegalStateException("no CSRF token on /login");
            }
        }
        String form = "username=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> r = browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 302 || r.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("sign-in failed: " + r.statusCode() + " " + r.headers().firstValue("Location"));
        }
    }

    static String call(HttpClient client, String base, String token, String method, String path, String body) throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " -> " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    static String post(HttpClient client, String url, String visitorToken, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (visitorToken != null) {
            b.header("X-Chat-Token", visitorToken);
        }
        HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException("POST " + url + " -> " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    static String get(HttpClient client, String url, String visitorToken) throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("X-Chat-Token", visitorToken).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException("GET " + url + " -> " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    static long id(String json) {
        return Long.parseLong(field(json, "id"));
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"?([^\",}]+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }
}
