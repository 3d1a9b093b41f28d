package org.kefu.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A signed-in agent's browser session over plain HTTP: session cookie, CSRF token, htmx headers. */
public final class PageSession {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    public record Page(int status, String body, HttpResponse<String> http) {

        public String header(String name) {
            return http.headers().firstValue(name).orElse(null);
        }
    }

    private final HttpClient client;
    private final String base;
    private String csrf;

    private PageSession(int port) {
        this.client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.base = "http://localhost:" + port;
    }

    public static PageSession signIn(int port, String email, String password) {
        PageSession s = new PageSession(port);
        String login = s.get("/login").body();
        Matcher m = CSRF_FIELD.matcher(login);
        if (!m.find()) {
            throw new AssertionError("no CSRF field on the sign-in page");
        }
        Page signedIn = s.send("POST", "/login", form(Map.of("username", email, "password", password, "_csrf", m.group(1))),
                "application/x-www-form-urlencoded", Map.of());
        if (signedIn.status() != 302 || signedIn.header("Location").contains("/login")) {
            throw new AssertionError("sign-in failed: " + signedIn.status() + " " + signedIn.header("Location"));
        }
        Matcher meta = CSRF_META.matcher(s.get("/account/password").body());
        if (!meta.find()) {
            throw new AssertionError("no CSRF meta tag");
        }
        s.csrf = meta.group(1);
        return s;
    }

    public Page get(String path) {
        return send("GET", path, null, null, Map.of("HX-Request", "true"));
    }

    /** An htmx form post (url-encoded), as the page's forms send it. */
    public Page post(String path, Map<String, String> fields) {
        return send("POST", path, form(fields), "application/x-www-form-urlencoded",
                Map.of("HX-Request", "true", "X-CSRF-TOKEN", csrf));
    }

    /** A multipart post with one file, as the composer sends attachments. */
    public Page postWithFile(String path, Map<String, String> fields, String fileName, String content) {
        String boundary = "kefu" + System.nanoTime();
        StringBuilder body = new StringBuilder();
        fields.forEach((k, v) -> body.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(k).append("\"\r\n\r\n").append(v).append("\r\n"));
        body.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"attachments\"; filename=\"").append(fileName).append("\"\r\n")
                .append("Content-Type: text/plain\r\n\r\n").append(content).append("\r\n")
                .append("--").append(boundary).append("--\r\n");
        return send("POST", path, body.toString(), "multipart/form-data; boundary=" + boundary,
                Map.of("HX-Request", "true", "X-CSRF-TOKEN", csrf));
    }

    private Page send(String method, String path, String body, String contentType, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .header("Accept-Language", "zh-CN");
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Page(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
