package org.kefu.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A person with a browser session, without a browser: keeps cookies, does not follow redirects,
 * and sends the CSRF token of the last page it read with every form post. For page tests over HTTP.
 */
public final class WebVisitor {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient client;
    private String csrf;

    public WebVisitor(int port) {
        this(port, null);
    }

    /** A visitor whose requests come from this local address (any 127.x.y.z), as if from another IP; null: any. */
    public WebVisitor(int port, java.net.InetAddress from) {
        this.base = "http://127.0.0.1:" + port;
        HttpClient.Builder builder = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5));
        if (from != null) {
            builder.localAddress(from);
        }
        this.client = builder.build();
    }

    /** A random loopback address other than 127.0.0.1, to be a fresh IP address for per-IP limits. */
    public static java.net.InetAddress freshLoopback() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        try {
            return java.net.InetAddress.getByAddress(new byte[] {127, (byte) random.nextInt(1, 255),
                    (byte) random.nextInt(1, 255), (byte) random.nextInt(2, 255)});
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    public record Page(int status, String body, String location, java.net.http.HttpHeaders headers) {

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public boolean redirectsTo(String path) {
            return status / 100 == 3 && location != null && location.replaceFirst("^https?://[^/]+", "").startsWith(path);
        }
    }

    public Page get(String path) {
        Page page = send(HttpRequest.newBuilder(URI.create(base + path)).GET());
        remember(page);
        return page;
    }

    /** GETs a page with extra request headers. */
    public Page get(String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        headers.forEach(request::header);
        Page page = send(request);
        remember(page);
        return page;
    }

    /** Posts a form (reading a page first if no CSRF token is known yet). */
    public Page post(String path, Map<String, String> form) {
        if (csrf == null) {
            get("/portal/login");
        }
        Map<String, String> fields = new LinkedHashMap<>(form);
        fields.putIfAbsent("_csrf", csrf);
        String body = fields.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        Page page = send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        remember(page);
        return page;
    }

    /** Posts a multipart form with one file in the field {@code fileField}. */
    public Page postMultipart(String path, Map<String, String> form, String fileField, String fileName, byte[] content) {
        if (csrf == null) {
            get("/portal/login");
        }
        String boundary = "----kefu" + UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Map<String, String> fields = new LinkedHashMap<>(form);
        fields.putIfAbsent("_csrf", csrf);
        try {
            for (var e : fields.entrySet()) {
                out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + e.getKey() + "\"\r\n\r\n"
                        + e.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
                    + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.write(content);
            out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Page page = send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())));
        remember(page);
        return page;
    }

    /** Signs in at the agents' form login. */
    public Page agentSignIn(String email, String password) {
        get("/login");
        return post("/login", Map.of("username", email, "password", password));
    }

    private void remember(Page page) {
        Matcher m = CSRF.matcher(page.body());
        if (m.find()) {
            csrf = m.group(1);
        }
    }

    private Page send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Page(response.statusCode(), response.body() == null ? "" : response.body(),
                    response.headers().firstValue("Location").orElse(null), response.headers());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
