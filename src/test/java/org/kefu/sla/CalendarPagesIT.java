package org.kefu.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.kefu.support.Api;
import org.kefu.support.IntegrationTest;

/** The calendar admin pages and the ticket SLA fragment over real HTTP with a signed-in session. */
class CalendarPagesIT extends IntegrationTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");

    private final class Browser {
        final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();

        HttpResponse<String> get(String path) throws Exception {
            return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Accept-Language", "zh-CN").GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }

        HttpResponse<String> post(String path, String csrfFrom, Map<String, String> form) throws Exception {
            Matcher m = CSRF.matcher(get(csrfFrom).body());
            assertThat(m.find()).as("csrf token on " + csrfFrom).isTrue();
            String token = m.group(1) != null ? m.group(1) : m.group(2);
            String body = form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                    .collect(Collectors.joining("&")) + "&_csrf=" + enc(token);
            return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Accept-Language", "zh-CN")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }

        Browser signIn(String email, String password) throws Exception {
            HttpResponse<String> r = post("/login", "/login", Map.of("username", email, "password", password));
            assertThat(r.uri().getPath()).as("signed in, not sent back to /login").doesNotStartWith("/login");
            return this;
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void anAdminSeesTheCalendarsEditsWeeklyHoursAndAddsAHoliday() throws Exception {
        Browser admin = new Browser().signIn("admin@test.kefu.local", "admin-password-123");
        HttpResponse<String> list = admin.get("/admin/calendars");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("中国大陆工作日 2025–2026", "Asia/Shanghai", "09:00-12:00,13:30-18:00", "/css/sla.css");

        String name = unique("上海办公室");
        HttpResponse<String> created = admin.post("/admin/calendars", "/admin/calendars",
                Map.of("name", name, "timeZone", "Asia/Shanghai"));
        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(created.uri().getPath()).matches("/admin/calendars/\\d+");
        String path = created.uri().getPath();
        assertThat(created.body()).contains(name, "09:00-18:00", "周一");

        HttpResponse<String> saved = admin.post(path, path, Map.of("name", name, "timeZone", "Asia/Shanghai", "version", "0",
                "week.MONDAY", "08:30-12:00,13:00-17:30", "week.SATURDAY", "10:00-14:00"));
        assertThat(saved.body()).contains("已保存", "08:30-12:00,13:00-17:30", "10:00-14:00");

        HttpResponse<String> refused = admin.post(path, path, Map.of("name", name, "timeZone", "Asia/Shanghai", "version", "1",
                "week.MONDAY", "22:00-06:00"));
        assertThat(refused.body()).contains("week.MONDAY", "split at 24:00");

        HttpResponse<String> day = admin.post(path + "/days", path, Map.of("date", "2027-02-08", "kind", "HOLIDAY",
                "dayName", "<script>window.__kefuXss=true</script>春节"));
        assertThat(day.body()).contains("2027-02-08", "&lt;script&gt;window.__kefuXss=true&lt;/script&gt;春节")
                .doesNotContain("<script>window.__kefuXss");
    }

    @Test
    void anAgentMayNotOpenTheCalendarPages() throws Exception {
        long department = createDepartment(unique("d"));
        String email = unique("agent") + "@test.kefu.local";
        Api.Response agent = admin.post("/api/v1/agents", Map.of("email", email,
                "displayName", "坐席", "role", "AGENT", "departmentIds", List.of(department), "teamIds", List.of(),
                "password", "agent-password-123"));
        assertThat(agent.status()).as(agent.raw()).isEqualTo(201);
        Browser browser = new Browser().signIn(email, "agent-password-123");
        assertThat(browser.get("/admin/calendars").statusCode()).isEqualTo(403);
    }

    @Test
    void theTicketFragmentShowsDueTimesAndRemainingBusinessTime() throws Exception {
        long id = openTicket(admin, ticket("SLA fragment", "Please answer", "channel", "CHAT")).get("id").asLong();
        Browser browser = new Browser().signIn("admin@test.kefu.local", "admin-password-123");
        HttpResponse<String> fragment = browser.get("/tickets/" + id + "/sla");
        assertThat(fragment.statusCode()).isEqualTo(200);
        assertThat(fragment.body()).contains("首次响应", "解决", "sla-clock", "秒").doesNotContain("<html");
    }
}
