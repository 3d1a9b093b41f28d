import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpCookie;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop HTTP load driver for the Kefu API (JDK only): {@code concurrency} workers each send
 * a request, wait for the answer, and send the next, until {@code requests} were sent or
 * {@code max-seconds} passed. Reports throughput and latency percentiles.
 *
 * <pre>
 * java bench/LoadDriver.java --base=http://127.0.0.1:18080 --token=T --scenario=create --concurrency=8 --requests=3000
 * java bench/LoadDriver.java --base=... --token=T --scenario=get --paths=list-paths.txt --concurrency=8 --requests=2000
 * java bench/LoadDriver.java --base=... --scenario=get --login=agent@x:password --paths=page-paths.txt --concurrency=8
 * </pre>
 *
 * With {@code --login=email:password} the driver signs in through the web form once (GET /login for the
 * CSRF token, POST /login) and sends every request with that session cookie instead of the API token:
 * this measures the HTML pages of the workspace as an agent's browser sees them.
 *
 * The measured requests go over one kept-alive HTTP/1.1 connection per worker, written and read by a few lines of
 * plain socket code ({@link Connection}): the driver runs on the same cores as the app and PostgreSQL, and the JDK's
 * {@code HttpClient} cost ≈ 1.6 ms of CPU per request (a third of a list request's total), which the app then did
 * not get. The client is still used for signing in.
 *
 * With {@code --app-pid} and {@code --db-pids} (Linux) it also reports the CPU the app and the database processes used
 * during the measured requests, per request, read from {@code /proc/<pid>/stat} before and after (the driver's own
 * too): on a shared machine that says more than the latencies where a request's time goes.
 *
 * Options: --scenario=create|get, --concurrency, --requests, --max-seconds (default 120), --warmup (requests
 * sent first and not measured, default 0), --paths (get: file with one path?query per line, used in turn),
 * --customers (create: how many generated customers exist; 80% of new tickets name one of them by email,
 * 20% a brand-new customer), --label, --out (appends one tab-separated result line), --app-pid, --db-pids (comma-separated).
 * Only loopback targets are accepted.
 */
public class LoadDriver {

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>();
        for (String a : args) {
            if (!a.startsWith("--") || !a.contains("=")) {
                throw new IllegalArgumentException("options look like --name=value, got " + a);
            }
            o.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
        }
        URI base = URI.create(o.getOrDefault("base", "http://127.0.0.1:8080"));
        if (!List.of("127.0.0.1", "localhost", "[::1]").contains(base.getHost())) {
            throw new IllegalArgumentException("only loopback targets are allowed, got " + base.getHost());
        }
        String token = o.getOrDefault("token", System.getenv("BENCH_TOKEN"));
        String scenario = o.getOrDefault("scenario", "create");
        int concurrency = Integer.parseInt(o.getOrDefault("concurrency", "8"));
        int requests = Integer.parseInt(o.getOrDefault("requests", "1000"));
        int maxSeconds = Integer.parseInt(o.getOrDefault("max-seconds", "120"));
        int warmup = Integer.parseInt(o.getOrDefault("warmup", "0"));
        long customers = Long.parseLong(o.getOrDefault("customers", "0"));
        String label = o.getOrDefault("label", scenario + " c=" + concurrency);
        List<String> paths = o.containsKey("paths")
                ? Files.readAllLines(Path.of(o.get("paths"))).stream().map(String::strip).filter(s -> !s.isEmpty()).toList()
                : List.of();
        if ("get".equals(scenario) && paths.isEmpty()) {
            throw new IllegalArgumentException("--scenario=get needs --paths=<file>");
        }
        if (concurrency < 1 || concurrency > 256 || requests < 1 || maxSeconds < 1) {
            throw new IllegalArgumentException("concurrency 1..256, requests >= 1, max-seconds >= 1");
        }

        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .connectTimeout(Duration.ofSeconds(5)).build();
        if (o.containsKey("login")) {
            String login = o.get("login");
            signIn(client, base, login.substring(0, login.indexOf(':')), login.substring(login.indexOf(':') + 1));
            token = null;
        }
        String runId = Long.toString(System.currentTimeMillis(), 36);
        Workload work = new Workload(client, base, token, scenario, paths, customers, runId);

        if (warmup > 0) {
            run(work, concurrency, warmup, maxSeconds, "warmup");
        }
        CpuMeter app = CpuMeter.of(o.get("app-pid"));
        CpuMeter db = CpuMeter.of(o.get("db-pids"));
        long driverBefore = driverCpuNanos();
        Result r = run(work, concurrency, requests, maxSeconds, "measure");
        double perRequest = r.count == 0 ? Double.NaN : 1.0 / r.count;
        double appMs = app.usedMillis() * perRequest;
        double dbMs = db.usedMillis() * perRequest;
        double driverMs = (driverCpuNanos() - driverBefore) / 1e6 * perRequest;
        String line = String.format(Locale.ROOT, "%s\t%d\t%d\t%d\t%.2f\t%.1f\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f",
                label, concurrency, r.count, r.errors, r.seconds, r.count / r.seconds, r.p(50), r.p(95), r.p(99), r.max(),
                appMs, dbMs, driverMs);
        System.out.printf(Locale.ROOT, "%-28s requests=%d errors=%d time=%.1fs throughput=%.1f/s p50=%.2fms p95=%.2fms p99=%.2fms max=%.2fms"
                        + " cpu ms/request: app=%.2f db=%.2f driver=%.2f%n",
                label, r.count, r.errors, r.seconds, r.count / r.seconds, r.p(50), r.p(95), r.p(99), r.max(), appMs, dbMs, driverMs);
        for (String sample : r.errorSamples) {
            System.out.println("  error sample: " + sample);
        }
        if (o.containsKey("out")) {
            Files.writeString(Path.of(o.get("out")), line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        if (r.count > 0 && r.errors * 100 > r.count) {
            System.exit(3); // more than 1% errors: the figures mean little
        }
    }

    static long driverCpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    /**
     * CPU time (user + system) of a set of processes, from {@code /proc/<pid>/stat} (Linux; clock ticks of 10 ms): the
     * time used since it was made. A process that ends meanwhile counts what it used until its last reading; no pids
     * or no /proc gives NaN.
     */
    record CpuMeter(List<Long> pids, long startTicks) {
        static CpuMeter of(String pids) {
            List<Long> list = pids == null || pids.isBlank() ? List.of()
                    : Arrays.stream(pids.split("[,\\s]+")).filter(p -> !p.isBlank()).map(Long::parseLong).toList();
            return new CpuMeter(list, ticks(list));
        }

        double usedMillis() {
            if (pids.isEmpty() || startTicks < 0) {
                return Double.NaN;
            }
            long now = ticks(pids);
            return now < 0 ? Double.NaN : (now - startTicks) * 10.0;
        }

        private static long ticks(List<Long> pids) {
            long sum = 0;
            boolean any = false;
            for (long pid : pids) {
                try {
                    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                    // fields after the command name in parentheses (which may hold spaces): utime and stime are the 14th and 15th
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    sum += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                    any = true;
                } catch (IOException | RuntimeException e) {
                    // gone, or not Linux
                }
            }
            return any ? sum : -1;
        }
    }

    /** Signs in through the login form; the client's cookie manager keeps the session cookie. */
    static void signIn(HttpClient client, URI base, String email, String password) throws IOException, InterruptedException {
        HttpResponse<String> form = client.send(HttpRequest.newBuilder(base.resolve("/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        var matcher = java.util.regex.Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(form.body());
        if (!matcher.find()) {
            throw new IllegalStateException("no CSRF token on /login (" + form.statusCode() + ")");
        }
        String body = "username=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + URLEncoder.encode(matcher.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> signedIn = client.send(HttpRequest.newBuilder(base.resolve("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        String location = signedIn.headers().firstValue("Location").orElse("");
        if (signedIn.statusCode() != 302 || location.contains("/login")) {
            throw new IllegalStateException("sign-in as " + email + " failed: " + signedIn.statusCode() + " " + location);
        }
        System.out.println("  signed in as " + email);
    }

    record Result(long[] latenciesNanos, int count, long errors, double seconds, List<String> errorSamples) {
        double p(double percentile) {
            if (count == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(percentile / 100.0 * count) - 1;
            return latenciesNanos[Math.max(0, Math.min(count - 1, index))] / 1e6;
        }

        double max() {
            return count == 0 ? Double.NaN : latenciesNanos[count - 1] / 1e6;
        }
    }

    static Result run(Workload work, int concurrency, int requests, int maxSeconds, String phase) throws InterruptedException {
        long[] latencies = new long[requests];
        AtomicLong next = new AtomicLong();
        AtomicLong done = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        ConcurrentLinkedQueue<String> samples = new ConcurrentLinkedQueue<>();
        long start = System.nanoTime();
        long deadline = start + maxSeconds * 1_000_000_000L;
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            int worker = w;
            workers.add(Thread.ofPlatform().name("load-" + w).start(() -> {
                SplittableRandom random = new SplittableRandom(worker * 7919L + start);
                Connection connection = new Connection(work.base);
                int expected = "create".equals(work.scenario) ? 201 : 200;
                while (System.nanoTime() < deadline) {
                    long i = next.getAndIncrement();
                    if (i >= requests) {
                        break;
                    }
                    byte[] request = work.request(i, random);
                    long t = System.nanoTime();
                    String problem;
                    try {
                        Connection.Response response = connection.exchange(request);
                        problem = response.status() == expected ? null
                                : response.status() + " " + abbreviate(response.body());
                    } catch (IOException e) {
                        connection.close();
                        problem = e.toString();
                    }
                    latencies[(int) i] = System.nanoTime() - t;
                    done.incrementAndGet();
                    if (problem != null) {
                        errors.incrementAndGet();
                        if (samples.size() < 3) {
                            samples.add(problem);
                        }
                    }
                }
                connection.close();
            }));
        }
        for (Thread t : workers) {
            t.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int count = (int) done.get();
        // requests that were never sent (time limit) keep latency 0; drop them before sorting
        long[] measured = Arrays.stream(latencies, 0, (int) Math.min(requests, next.get())).filter(x -> x > 0).sorted().toArray();
        if (phase.equals("warmup")) {
            System.out.printf(Locale.ROOT, "  (warm-up: %d requests in %.1fs, %d errors)%n", count, seconds, errors.get());
        }
        return new Result(measured, measured.length, errors.get(), seconds, List.copyOf(samples));
    }

    static String abbreviate(String s) {
        s = s.replaceAll("\\s+", " ");
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    static final class Workload {
        static final String[] SUBJECTS_ZH = {"订单%d申请退款", "快递%d三天没有更新", "信用卡重复扣费%d元", "外卖送达时已经凉了（订单%d）", "VPN无法连接（工单%d）"};
        static final String[] SUBJECTS_EN = {"Refund request for order %d", "Parcel %d is late", "Charged twice (%d)", "Food arrived cold, order %d", "VPN fails, ref %d"};
        static final String[] BODIES_ZH = {"您好，我的订单%d收到的商品有质量问题，屏幕有划痕，请尽快处理退款，谢谢！",
                "快递单号%d一直显示运输中，已经延误三天了，里面是生鲜，麻烦帮忙催一下。",
                "同一笔消费在账单上出现了两次，金额%d元，请核实并退回多扣的钱。"};
        static final String[] BODIES_EN = {"Hello, the item from order %d arrived scratched. Please refund me as soon as possible.",
                "Tracking %d has said in transit for three days. The parcel contains fresh food, please chase it.",
                "The same payment of %d appears twice on my statement, please refund one of them."};
        static final String[] CHANNELS = {"EMAIL", "CHAT", "PHONE", "WEB", "SOCIAL", "API"};
        static final String[] PRIORITIES = {"P1", "P2", "P3", "P3", "P3", "P4"};

        final HttpClient client;
        final URI base;
        final String token;
        final String scenario;
        final List<String> paths;
        final long customers;
        final String runId;
        final String cookie;

        Workload(HttpClient client, URI base, String token, String scenario, List<String> paths, long customers, String runId) {
            this.client = client;
            this.cookie = client.cookieHandler().map(h -> ((CookieManager) h).getCookieStore().getCookies())
                    .filter(c -> !c.isEmpty())
                    .map(c -> String.join("; ", c.stream().map(HttpCookie::toString).toList())).orElse(null);
            this.base = base;
            this.token = token;
            this.scenario = scenario;
            this.paths = paths;
            this.customers = customers;
            this.runId = runId;
        }

        /** The bytes of request {@code i}: a GET of the next path, or a POST of a new ticket. */
        byte[] request(long i, SplittableRandom r) {
            StringBuilder head = new StringBuilder(256);
            boolean get = "get".equals(scenario);
            head.append(get ? "GET " : "POST ").append(get ? paths.get((int) (i % paths.size())) : "/api/v1/tickets")
                    .append(" HTTP/1.1\r\nHost: ").append(base.getAuthority()).append("\r\n");
            if (token != null) {
                head.append("Authorization: Bearer ").append(token).append("\r\nAccept: application/json\r\n");
            } else {
                head.append("Accept: text/html\r\n");
            }
            if (cookie != null) {
                head.append("Cookie: ").append(cookie).append("\r\n");
            }
            if (get) {
                return head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
            }
            byte[] body = createBody(i, r).getBytes(StandardCharsets.UTF_8);
            head.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n\r\n");
            byte[] h = head.toString().getBytes(StandardCharsets.UTF_8);
            byte[] all = Arrays.copyOf(h, h.length + body.length);
            System.arraycopy(body, 0, all, h.length, body.length);
            return all;
        }

        String createBody(long i, SplittableRandom r) {
            boolean zh = r.nextInt(100) < 75;
            int ref = 20_000_000 + r.nextInt(80_000_000);
            String subject = String.format(zh ? SUBJECTS_ZH[r.nextInt(SUBJECTS_ZH.length)] : SUBJECTS_EN[r.nextInt(SUBJECTS_EN.length)], ref);
            String description = String.format(zh ? BODIES_ZH[r.nextInt(BODIES_ZH.length)] : BODIES_EN[r.nextInt(BODIES_EN.length)], ref);
            String email;
            String name;
            if (customers > 0 && r.nextInt(100) < 80) {
                email = "customer" + r.nextLong(customers) + "@bench.example.com"; // one of the generated customers
                name = "Existing Customer";
            } else {
                email = "load-" + runId + "-" + i + "@bench.example.com"; // a new customer
                name = zh ? "新客户" + i : "New Customer " + i;
            }
            return "{\"subject\":" + json(subject) + ",\"description\":" + json(description)
                    + ",\"channel\":\"" + CHANNELS[r.nextInt(CHANNELS.length)] + "\""
                    + ",\"customer\":{\"email\":" + json(email) + ",\"name\":" + json(name) + "}"
                    + ",\"priority\":\"" + PRIORITIES[r.nextInt(PRIORITIES.length)] + "\",\"tags\":[\"bench\"]}";
        }

        static String json(String s) {
            StringBuilder b = new StringBuilder(s.length() + 2).append('"');
            for (char c : s.toCharArray()) {
                switch (c) {
                    case '"' -> b.append("\\\"");
                    case '\\' -> b.append("\\\\");
                    case '\n' -> b.append("\\n");
                    default -> {
                        if (c < 0x20) {
                            b.append(String.format("\\u%04x", (int) c));
                        } else {
                            b.append(c);
                        }
                    }
                }
            }
            return b.append('"').toString();
        }
    }

    /**
     * One kept-alive HTTP/1.1 connection: writes a request's bytes and reads the status, the headers and a body of
     * Content-Length or chunked transfer coding. Reconnects after the server closed the connection or an error.
     */
    static final class Connection {
        record Response(int status, String body) {}

        private final URI base;
        private Socket socket;
        private OutputStream out;
        private InputStream in;
        private final ByteArrayOutputStream body = new ByteArrayOutputStream(8192);

        Connection(URI base) {
            this.base = base;
        }

        Response exchange(byte[] request) throws IOException {
            if (socket == null) {
                socket = new Socket();
                socket.setTcpNoDelay(true);
                socket.setSoTimeout(30_000);
                socket.connect(new InetSocketAddress(base.getHost(), base.getPort() < 0 ? 80 : base.getPort()), 5_000);
                out = new BufferedOutputStream(socket.getOutputStream(), 16384);
                in = new BufferedInputStream(socket.getInputStream(), 65536);
            }
            out.write(request);
            out.flush();
            String statusLine = line();
            if (!statusLine.startsWith("HTTP/1.1 ") || statusLine.length() < 12) {
                throw new IOException("not an HTTP/1.1 status line: " + abbreviate(statusLine));
            }
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            boolean close = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                int colon = header.indexOf(':');
                String name = colon < 0 ? header : header.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                String value = colon < 0 ? "" : header.substring(colon + 1).strip().toLowerCase(Locale.ROOT);
                switch (name) {
                    case "content-length" -> length = Long.parseLong(value);
                    case "transfer-encoding" -> chunked = value.contains("chunked");
                    case "connection" -> close = value.contains("close");
                    default -> { }
                }
            }
            body.reset();
            if (chunked) {
                for (long size = chunkSize(); size > 0; size = chunkSize()) {
                    copy(size);
                    line();
                }
                while (!line().isEmpty()) { } // trailer
            } else if (length >= 0) {
                copy(length);
            } else {
                close = true; // body until the connection closes
                in.transferTo(body);
            }
            Response response = new Response(status, status / 100 == 2 ? "" : body.toString(StandardCharsets.UTF_8));
            if (close) {
                close();
            }
            return response;
        }

        private long chunkSize() throws IOException {
            String size = line();
            int extension = size.indexOf(';');
            return Long.parseLong((extension < 0 ? size : size.substring(0, extension)).strip(), 16);
        }

        private void copy(long n) throws IOException {
            byte[] buffer = new byte[8192];
            while (n > 0) {
                int read = in.read(buffer, 0, (int) Math.min(buffer.length, n));
                if (read < 0) {
                    throw new IOException("connection closed in the middle of a response body");
                }
                body.write(buffer, 0, read);
                n -= read;
            }
        }

        private String line() throws IOException {
            StringBuilder b = new StringBuilder(64);
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new IOException("connection closed by the server");
                }
                if (c != '\r') {
                    b.append((char) c);
                }
            }
            return b.toString();
        }

        void close() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
                socket = null;
            }
        }
    }
}
