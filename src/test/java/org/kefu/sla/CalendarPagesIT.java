package org.kefu.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kefu.support.Api;
import org.kefu.support.FormBrowser;
import org.kefu.support.IntegrationTest;

/** The calendar admin pages and the ticket SLA fragment over real HTTP with a signed-in session. */
class CalendarPagesIT extends IntegrationTest {

    @Test
    void anAdminSeesTheCalendarsEditsWeeklyHoursAndAddsAHoliday() throws Exception {
        FormBrowser admin = new FormBrowser(port).signIn("admin@test.kefu.local", "admin-password-123");
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
        FormBrowser browser = new FormBrowser(port).signIn(email, "agent-password-123");
        assertThat(browser.get("/admin/calendars").statusCode()).isEqualTo(403);
    }

    @Test
    void theTicketFragmentShowsDueTimesAndRemainingBusinessTime() throws Exception {
        long id = openTicket(admin, ticket("SLA fragment", "Please answer", "channel", "CHAT")).get("id").asLong();
        FormBrowser browser = new FormBrowser(port).signIn("admin@test.kefu.local", "admin-password-123");
        HttpResponse<String> fragment = browser.get("/tickets/" + id + "/sla");
        assertThat(fragment.statusCode()).isEqualTo(200);
        assertThat(fragment.body()).contains("首次响应", "解决", "sla-clock", "秒").doesNotContain("<html");
    }
}
