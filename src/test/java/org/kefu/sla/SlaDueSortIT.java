package org.kefu.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.kefu.support.Api;
import org.kefu.support.IntegrationTest;
import org.kefu.support.WebVisitor;
import tools.jackson.databind.JsonNode;

/** "Due soonest" (最早到期): tickets by their earliest running SLA due time, keyset-paged, tickets without one last. */
class SlaDueSortIT extends IntegrationTest {

    private static final Pattern ROW = Pattern.compile("data-ticket-id=\"(\\d+)\"");

    private long open(long department, String channel, Object... more) {
        Object[] fields = new Object[more.length + 4];
        fields[0] = "channel";
        fields[1] = channel;
        fields[2] = "departmentId";
        fields[3] = department;
        System.arraycopy(more, 0, fields, 4, more.length);
        return openTicket(admin, ticket("到期排序 " + channel, "请处理", fields)).get("id").asLong();
    }

    /** The earliest due time of the ticket's running clocks, read from the SLA API; null when none runs. */
    private Instant nextDue(long ticketId) {
        Instant earliest = null;
        for (JsonNode c : admin.get("/api/v1/tickets/" + ticketId + "/sla").body().get("clocks")) {
            if (c.get("state").asString().equals("RUNNING")) {
                Instant due = Instant.parse(c.get("dueAt").asString());
                earliest = earliest == null || due.isBefore(earliest) ? due : earliest;
            }
        }
        return earliest;
    }

    private List<Long> allPages(long department, int limit) {
        List<Long> ids = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Api.Response r = admin.get("/api/v1/tickets?departmentId=" + department + "&sort=slaNextDueAt&limit=" + limit
                    + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(r.status()).as(r.raw()).isEqualTo(200);
            assertThat(r.body().get("items").size()).isLessThanOrEqualTo(limit);
            r.body().get("items").forEach(t -> ids.add(t.get("id").asLong()));
            cursor = r.body().get("nextCursor") == null || r.body().get("nextCursor").isNull() ? null
                    : r.body().get("nextCursor").asString();
            pages++;
        } while (cursor != null && pages < 20);
        return ids;
    }

    @Test
    void theTicketListApiSortsByEarliestRunningDueAcrossPagesWithTicketsWithoutOneLast() {
        long department = createDepartment(unique("到期"));
        long chatFirst = open(department, "CHAT");
        long phone = open(department, "PHONE");
        long email = open(department, "EMAIL");
        long chatAnswered = open(department, "CHAT");
        long phone2 = open(department, "PHONE");
        long chatPending = open(department, "CHAT");
        assertThat(admin.post("/api/v1/tickets/" + chatAnswered + "/messages", Map.of("body", "您好，马上处理。")).status())
                .isEqualTo(201);
        assertThat(admin.put("/api/v1/tickets/" + chatPending + "/status", Map.of("status", "PENDING_CUSTOMER")).status()).isEqualTo(200);

        List<Long> all = List.of(chatFirst, phone, email, chatAnswered, phone2, chatPending);
        List<Long> expected = all.stream()
                .sorted(Comparator.comparing((Long id) -> nextDue(id), Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(Comparator.naturalOrder()))
                .toList();
        // chat: 15 s first response; answered chat: its 3-minute resolution; email: 2 business hours;
        // no policy (phone) and paused (waiting on the customer): last, by id
        assertThat(expected).containsExactly(chatFirst, chatAnswered, email, phone, phone2, chatPending);
        assertThat(nextDue(chatAnswered)).isAfter(nextDue(chatFirst));

        assertThat(allPages(department, 2)).containsExactlyElementsOf(expected);
        assertThat(allPages(department, 4)).containsExactlyElementsOf(expected);
        assertThat(allPages(department, 50)).containsExactlyElementsOf(expected);

        // resuming the paused ticket gives it a due time again
        assertThat(admin.put("/api/v1/tickets/" + chatPending + "/status", Map.of("status", "OPEN")).status()).isEqualTo(200);
        assertThat(allPages(department, 3).indexOf(chatPending)).isLessThan(allPages(department, 3).indexOf(phone));
    }

    @Test
    void anUnknownSortIsABadRequestNamingTheField() {
        Api.Response r = admin.get("/api/v1/tickets?sort=slaDueAt");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.raw()).contains("sort", "slaNextDueAt");
    }

    @Test
    void theWorkspaceListSortsByDueSoonestAndMarksAtRiskAndBreachedTickets() throws Exception {
        long department = createDepartment(unique("风险"));
        String breachTag = unique("breach");
        String riskTag = unique("risk");
        Api.Response p1 = admin.post("/api/v1/sla-policies", Map.of("name", unique("一秒"), "position", 1, "calendarId", 2,
                "tag", breachTag, "firstResponse", "PT1S", "warnPercent", 50));
        Api.Response p2 = admin.post("/api/v1/sla-policies", Map.of("name", unique("两分钟"), "position", 1, "calendarId", 2,
                "tag", riskTag, "firstResponse", "PT2M", "warnPercent", 1));
        assertThat(p1.status()).as(p1.raw()).isEqualTo(201);
        assertThat(p2.status()).as(p2.raw()).isEqualTo(201);
        try {
            long calm = open(department, "EMAIL");
            long atRisk = open(department, "EMAIL", "tags", List.of(riskTag));
            long breached = open(department, "EMAIL", "tags", List.of(breachTag));
            long none = open(department, "PHONE");
            Thread.sleep(1600); // past 1 s (breach) and 1.2 s (1 % of 2 min: the warning point)

            String email = unique("agent") + "@test.kefu.local";
            assertThat(admin.post("/api/v1/agents", Map.of("email", email, "displayName", "坐席", "role", "AGENT",
                    "departmentIds", List.of(department), "teamIds", List.of(), "password", "agent-password-123")).status())
                    .isEqualTo(201);
            WebVisitor web = new WebVisitor(port);
            web.agentSignIn(email, "agent-password-123");
            WebVisitor.Page page = web.get("/tickets?view=all&sort=slaNextDueAt");
            assertThat(page.status()).isEqualTo(200);
            List<Long> order = new ArrayList<>();
            Matcher m = ROW.matcher(page.body());
            while (m.find()) {
                order.add(Long.parseLong(m.group(1)));
            }
            assertThat(order).containsExactly(breached, atRisk, calm, none);
            assertThat(page.body()).contains("data-sort=\"slaDue\"", "aria-sort=\"ascending\"", "/css/sla-list.css");
            assertThat(rowOf(page.body(), breached)).contains("data-sla-risk=\"BREACHED\"", "sla-risk-breached", "已超时");
            assertThat(rowOf(page.body(), atRisk)).contains("data-sla-risk=\"AT_RISK\"", "sla-risk-at-risk", "即将超时");
            assertThat(rowOf(page.body(), calm)).contains("data-sla-risk=\"OK\"").doesNotContain("sla-risk-");
            assertThat(rowOf(page.body(), none)).doesNotContain("data-sla-risk");
        } finally {
            admin.delete("/api/v1/sla-policies/" + p1.body().get("id").asLong());
            admin.delete("/api/v1/sla-policies/" + p2.body().get("id").asLong());
        }
    }

    private static String rowOf(String html, long ticketId) {
        int at = html.indexOf("data-ticket-id=\"" + ticketId + "\"");
        assertThat(at).isPositive();
        int start = html.lastIndexOf("<tr", at);
        int end = html.indexOf("</tr>", at);
        return html.substring(start, end);
    }
}
