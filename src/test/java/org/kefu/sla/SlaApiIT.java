package org.kefu.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kefu.support.Api;
import org.kefu.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import tools.jackson.databind.JsonNode;

/** SLA clocks over real HTTP: policies applied on opening, met by replies, paused, and breached by the sweep. */
@RecordApplicationEvents
class SlaApiIT extends IntegrationTest {

    @Autowired
    SlaSweep sweep;

    @Autowired
    ApplicationEvents events;

    @Autowired
    JdbcClient jdbc;

    private long vipCustomer() {
        Api.Response r = admin.post("/api/v1/customers", Map.of("name", "贵宾客户", "emails",
                List.of(unique("vip") + "@example.com"), "tier", "VIP"));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.body().get("id").asLong();
    }

    private JsonNode sla(long ticketId) {
        Api.Response r = admin.get("/api/v1/tickets/" + ticketId + "/sla");
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.body();
    }

    private static JsonNode clock(JsonNode sla, String metric) {
        for (JsonNode c : sla.get("clocks")) {
            if (c.get("metric").asString().equals(metric)) {
                return c;
            }
        }
        throw new AssertionError("no " + metric + " clock in " + sla);
    }

    private static Instant instant(JsonNode node, String field) {
        return Instant.parse(node.get(field).asString());
    }

    @Test
    void aVipP1TicketIsDueThirtyBusinessMinutesAfterOpeningAndAReplyMeetsIt() {
        Map<String, Object> fields = new java.util.LinkedHashMap<>(ticket("系统宕机", "我们的账户无法登录。", "priority", "P1"));
        fields.remove("customer");
        fields.put("customerId", vipCustomer());
        JsonNode ticket = openTicket(admin, fields);
        long id = ticket.get("id").asLong();

        JsonNode sla = sla(id);
        assertThat(sla.get("policyName").asString()).isEqualTo("VIP P1");
        JsonNode first = clock(sla, "FIRST_RESPONSE");
        Instant opened = instant(first, "startedAt");
        Instant due = instant(first, "dueAt");
        assertThat(first.get("state").asString()).isEqualTo("RUNNING");
        assertThat(first.get("target").asString()).isEqualTo("PT30M");
        BusinessCalendar china = MainlandChinaSchedule.calendar();
        assertThat(due).isEqualTo(china.addBusinessTime(opened, Duration.ofMinutes(30)));
        assertThat(china.businessTimeBetween(opened, due)).isEqualTo(Duration.ofMinutes(30));
        assertThat(Instant.parse(ticket.get("createdAt").asString())).isCloseTo(opened, within());

        Api.Response reply = admin.post("/api/v1/tickets/" + id + "/messages", Map.of("body", "我们正在处理，请稍候。"));
        assertThat(reply.status()).as(reply.raw()).isEqualTo(201);

        JsonNode after = clock(sla(id), "FIRST_RESPONSE");
        assertThat(after.get("state").asString()).isEqualTo("MET");
        assertThat(after.get("breached").asBoolean()).isFalse();
        assertThat(after.get("metAt").isNull()).isFalse();
        assertThat(clock(sla(id), "RESOLUTION").get("state").asString()).isEqualTo("RUNNING");
    }

    @Test
    void raisingAVipTicketToP1MovesItsClocksToTheVipPolicy() {
        Map<String, Object> fields = new java.util.LinkedHashMap<>(ticket("发票问题", "请开发票", "priority", "P3"));
        fields.remove("customer");
        fields.put("customerId", vipCustomer());
        long id = openTicket(admin, fields).get("id").asLong();
        JsonNode before = sla(id);
        assertThat(before.get("policyName").asString()).isEqualTo("邮件 Email");
        assertThat(clock(before, "FIRST_RESPONSE").get("target").asString()).isEqualTo("PT2H");

        assertThat(admin.patch("/api/v1/tickets/" + id, Map.of("priority", "P1")).status()).isEqualTo(200);

        JsonNode after = sla(id);
        assertThat(after.get("policyName").asString()).isEqualTo("VIP P1");
        JsonNode first = clock(after, "FIRST_RESPONSE");
        assertThat(first.get("target").asString()).isEqualTo("PT30M");
        assertThat(instant(first, "dueAt")).isEqualTo(MainlandChinaSchedule.calendar()
                .addBusinessTime(instant(first, "startedAt"), Duration.ofMinutes(30)));
        assertThat(clock(after, "RESOLUTION").get("target").asString()).isEqualTo("PT8H");
    }

    @Test
    void anUnansweredTicketPastItsDueIsRecordedAsBreachedWithTheOverdueTime() {
        long id = openTicket(admin, ticket("No answer yet", "Hello?", "channel", "EMAIL")).get("id").asLong();
        JsonNode first = clock(sla(id), "FIRST_RESPONSE");
        Instant due = instant(first, "dueAt");
        BusinessCalendar china = MainlandChinaSchedule.calendar();
        Instant late = china.addBusinessTime(due, Duration.ofMinutes(7));

        sweep.sweep(late);

        JsonNode sla = sla(id);
        JsonNode breached = clock(sla, "FIRST_RESPONSE");
        assertThat(breached.get("breached").asBoolean()).isTrue();
        assertThat(breached.get("state").asString()).isEqualTo("RUNNING");
        JsonNode breach = sla.get("breaches").get(0);
        assertThat(breach.get("metric").asString()).isEqualTo("FIRST_RESPONSE");
        assertThat(breach.get("overdueBusinessTime").asString()).isEqualTo("PT7M");
        assertThat(Instant.parse(breach.get("dueAt").asString())).isEqualTo(due);
        assertThat(events.stream(SlaEvents.SlaBreached.class).filter(e -> e.ticketId() == id))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.metric()).isEqualTo(SlaMetric.FIRST_RESPONSE);
                    assertThat(e.overdueBy()).isEqualTo(Duration.ofMinutes(7));
                    assertThat(e.dueAt()).isEqualTo(due);
                });

        sweep.sweep(late.plusSeconds(3600));
        assertThat(events.stream(SlaEvents.SlaBreached.class).filter(e -> e.ticketId() == id)).hasSize(1);

        admin.post("/api/v1/tickets/" + id + "/messages", Map.of("body", "Sorry for the wait."));
        JsonNode met = clock(sla(id), "FIRST_RESPONSE");
        assertThat(met.get("state").asString()).isEqualTo("MET");
        assertThat(met.get("breached").asBoolean()).isTrue();
        assertThat(sla(id).get("breaches").get(0).get("metAt").isNull()).isFalse();
    }

    @Test
    void aClockTheSweepCannotHandleHoldsBackOnlyItself() {
        // Two tickets opened together: their clocks come due together and are swept in one transaction. One clock holds
        // a metric this version does not know (a row no code here can read), so that transaction fails; the other
        // ticket's breach is still recorded, and the unreadable clock is left as it was for the next run.
        long broken = openTicket(admin, ticket("Broken clock", "Hello?", "channel", "EMAIL")).get("id").asLong();
        long fine = openTicket(admin, ticket("Fine clock", "Hello?", "channel", "EMAIL")).get("id").asLong();
        Instant late = MainlandChinaSchedule.calendar().addBusinessTime(instant(clock(sla(fine), "FIRST_RESPONSE"), "dueAt"),
                Duration.ofMinutes(5));
        assertThat(jdbc.sql("update sla_clock set metric = 'RETIRED' where ticket_id = ? and metric = 'FIRST_RESPONSE'")
                .param(broken).update()).isEqualTo(1);
        try {
            sweep.sweep(late);

            assertThat(clock(sla(fine), "FIRST_RESPONSE").get("breached").asBoolean()).isTrue();
            assertThat(events.stream(SlaEvents.SlaBreached.class).filter(e -> e.ticketId() == fine)).isNotEmpty();
            assertThat(jdbc.sql("select breached from sla_clock where ticket_id = ? and metric = 'RETIRED'").param(broken)
                    .query(Boolean.class).single()).isFalse();
            assertThat(events.stream(SlaEvents.SlaBreached.class).filter(e -> e.ticketId() == broken)).isEmpty();
        } finally {
            jdbc.sql("update sla_clock set metric = 'FIRST_RESPONSE' where ticket_id = ? and metric = 'RETIRED'")
                    .param(broken).update();
        }
    }

    @Test
    void aSweepOfMoreClocksThanOneTransactionTakesRecordsEachBreachOnce() {
        // more than SlaSweep.TOGETHER tickets come due at once: their clocks are swept in several transactions, each
        // writing its clocks and its breaches as one batch
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < SlaSweep.TOGETHER + 7; i++) {
            ids.add(openTicket(admin, ticket("Many due " + i, "Hello?", "channel", "EMAIL")).get("id").asLong());
        }
        Instant due = ids.stream().map(id -> instant(clock(sla(id), "FIRST_RESPONSE"), "dueAt")).max(Instant::compareTo)
                .orElseThrow();
        Instant late = MainlandChinaSchedule.calendar().addBusinessTime(due, Duration.ofMinutes(3));

        sweep.sweep(late);
        sweep.sweep(late.plusSeconds(60));

        for (long id : ids) {
            JsonNode sla = sla(id);
            assertThat(clock(sla, "FIRST_RESPONSE").get("breached").asBoolean()).as("ticket %d", id).isTrue();
            assertThat(sla.get("breaches")).as("ticket %d", id).singleElement()
                    .satisfies(b -> assertThat(b.get("metric").asString()).isEqualTo("FIRST_RESPONSE"));
            assertThat(events.stream(SlaEvents.SlaBreached.class).filter(e -> e.ticketId() == id)).as("ticket %d", id)
                    .singleElement();
            assertThat(jdbc.sql("select version from sla_clock where ticket_id = ? and metric = 'FIRST_RESPONSE'")
                    .param(id).query(Long.class).single()).as("ticket %d: written once by the sweep", id).isEqualTo(1L);
        }
    }

    @Test
    void theSweepSendsAWarningAtEightyPercentBeforeTheBreach() {
        long id = openTicket(admin, ticket("Warn me", "Soon due", "channel", "EMAIL")).get("id").asLong();
        JsonNode first = clock(sla(id), "FIRST_RESPONSE");
        Instant warnAt = instant(first, "warnAt");
        Instant due = instant(first, "dueAt");
        BusinessCalendar china = MainlandChinaSchedule.calendar();
        assertThat(china.businessTimeBetween(instant(first, "startedAt"), warnAt)).isEqualTo(Duration.ofMinutes(96));

        sweep.sweep(warnAt);

        assertThat(events.stream(SlaEvents.SlaWarning.class).filter(e -> e.ticketId() == id)).singleElement()
                .satisfies(e -> assertThat(e.remainingBusinessTime()).isEqualTo(Duration.ofMinutes(24)));
        assertThat(events.stream(SlaEvents.SlaBreached.class).filter(e -> e.ticketId() == id)).isEmpty();
        JsonNode warned = clock(sla(id), "FIRST_RESPONSE");
        assertThat(warned.get("aboutToBreach").asBoolean()).isTrue();
        assertThat(instant(warned, "dueAt")).isEqualTo(due);
    }

    @Test
    void waitingOnTheCustomerPausesTheClockAndTheirMessageResumesItWithTheDueTimeMoved() throws Exception {
        String tag = unique("sla-pause");
        Api.Response policy = admin.post("/api/v1/sla-policies", Map.of("name", unique("Pause test"), "position", 1,
                "calendarId", 2, "tag", tag, "firstResponse", "PT1H", "nextResponse", "PT20M"));
        assertThat(policy.status()).as(policy.raw()).isEqualTo(201);
        long id = openTicket(admin, ticket("Need your order number", "Where is it?", "tags", List.of(tag))).get("id").asLong();
        Instant due = instant(clock(sla(id), "FIRST_RESPONSE"), "dueAt");

        assertThat(admin.put("/api/v1/tickets/" + id + "/status", Map.of("status", "PENDING_CUSTOMER")).status()).isEqualTo(200);
        JsonNode paused = clock(sla(id), "FIRST_RESPONSE");
        assertThat(paused.get("paused").asBoolean()).isTrue();
        assertThat(paused.get("state").asString()).isEqualTo("PAUSED");
        long frozen = paused.get("remainingSeconds").asLong();
        Thread.sleep(1500);
        assertThat(clock(sla(id), "FIRST_RESPONSE").get("remainingSeconds").asLong()).isEqualTo(frozen);
        sweep.sweep(due.plusSeconds(1)); // a paused clock is not due
        assertThat(clock(sla(id), "FIRST_RESPONSE").get("breached").asBoolean()).isFalse();

        Api.Response wrote = admin.post("/api/v1/tickets/" + id + "/messages", Map.of("body", "订单号 123", "author", "CUSTOMER"));
        assertThat(wrote.status()).as(wrote.raw()).isEqualTo(201);

        JsonNode resumed = clock(sla(id), "FIRST_RESPONSE");
        assertThat(resumed.get("state").asString()).isEqualTo("RUNNING");
        Duration moved = Duration.between(due, instant(resumed, "dueAt"));
        assertThat(moved).isGreaterThanOrEqualTo(Duration.ofMillis(1500)).isLessThan(Duration.ofSeconds(30));
        assertThat(resumed.get("pausedBusinessSeconds").asLong()).isBetween(1L, 30L);
        // the first reply is still owed, so no next-response clock yet
        assertThat(sla(id).get("clocks").toString()).doesNotContain("NEXT_RESPONSE");

        admin.post("/api/v1/tickets/" + id + "/messages", Map.of("body", "收到"));
        admin.post("/api/v1/tickets/" + id + "/messages", Map.of("body", "还有一个问题", "author", "CUSTOMER"));
        JsonNode next = clock(sla(id), "NEXT_RESPONSE");
        assertThat(next.get("state").asString()).isEqualTo("RUNNING");
        assertThat(Duration.between(instant(next, "startedAt"), instant(next, "dueAt"))).isEqualTo(Duration.ofMinutes(20));
    }

    @Test
    void theShippedMainlandChinaCalendarMatchesTheOfficialSchedule() {
        Api.Response r = admin.get("/api/v1/calendars/1");
        assertThat(r.status()).isEqualTo(200);
        JsonNode cal = r.body();
        assertThat(cal.get("timeZone").asString()).isEqualTo("Asia/Shanghai");
        assertThat(cal.get("week").get("MONDAY").asString()).isEqualTo("09:00-12:00,13:30-18:00");
        assertThat(cal.get("week").get("SUNDAY").asString()).isEmpty();
        int holidays = 0;
        int workdays = 0;
        for (JsonNode d : cal.get("days")) {
            LocalDate date = LocalDate.parse(d.get("date").asString());
            if (d.get("kind").asString().equals("HOLIDAY")) {
                assertThat(MainlandChinaSchedule.holidays()).containsKey(date);
                holidays++;
            } else {
                assertThat(MainlandChinaSchedule.makeUpWorkingDays()).containsKey(date);
                workdays++;
            }
        }
        assertThat(holidays).isEqualTo(MainlandChinaSchedule.holidays().size());
        assertThat(workdays).isEqualTo(MainlandChinaSchedule.makeUpWorkingDays().size());

        Api.Response due = admin.get("/api/v1/calendars/1/due?start=2026-02-13T09:00:00Z&duration=PT2H");
        assertThat(due.body().get("due").asString()).isEqualTo("2026-02-14T02:00:00Z"); // Sat 14 Feb 10:00 in Shanghai
        assertThat(admin.get("/api/v1/calendars/2").body().get("week").get("SUNDAY").asString()).isEqualTo("00:00-24:00");
    }

    @Test
    void aCalendarIsCreatedChangedAndBadInputIsRefusedNamingTheField() {
        Api.Response bad = admin.post("/api/v1/calendars", Map.of("name", "", "timeZone", "Mars/Olympus",
                "week", Map.of("MONDAY", "18:00-09:00", "FUNDAY", "09:00-10:00"),
                "days", List.of(Map.of("date", "2026-02-30", "kind", "HOLIDAY"))));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).contains("application/problem+json");
        assertThat(bad.raw()).contains("\"name\"", "\"timeZone\"", "week.MONDAY", "week.FUNDAY", "days[0].date");

        String name = unique("Berlin office");
        Api.Response created = admin.post("/api/v1/calendars", Map.of("name", name, "timeZone", "Europe/Berlin",
                "week", Map.of("MONDAY", "09:00-17:00", "TUESDAY", "09:00-17:00"),
                "days", List.of(Map.of("date", "2026-12-25", "kind", "HOLIDAY", "name", "Weihnachten"))));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        long id = created.body().get("id").asLong();
        long version = created.body().get("version").asLong();

        Api.Response changed = admin.put("/api/v1/calendars/" + id, Map.of("name", name, "timeZone", "Europe/Berlin",
                "week", Map.of("MONDAY", "08:00-16:00"), "version", version));
        assertThat(changed.status()).as(changed.raw()).isEqualTo(200);
        assertThat(changed.body().get("week").get("MONDAY").asString()).isEqualTo("08:00-16:00");
        assertThat(changed.body().get("days")).isEmpty();

        Api.Response stale = admin.put("/api/v1/calendars/" + id, Map.of("name", name, "timeZone", "UTC",
                "week", Map.of("MONDAY", "08:00-16:00"), "version", version));
        assertThat(stale.status()).isEqualTo(409);

        assertThat(admin.post("/api/v1/calendars", Map.of("name", name, "timeZone", "UTC", "week", Map.of("MONDAY", "09:00-10:00")))
                .raw()).contains("\"name\"");
        assertThat(admin.delete("/api/v1/calendars/" + id).status()).isEqualTo(204);
        assertThat(admin.get("/api/v1/calendars/" + id).status()).isEqualTo(404);
        assertThat(admin.delete("/api/v1/calendars/1").status()).isEqualTo(409);
    }

    @Test
    void holidaysAreImportedFromIcsAndCsvAndABadFileChangesNothing() throws Exception {
        long id = admin.post("/api/v1/calendars", Map.of("name", unique("Import"), "timeZone", "Asia/Shanghai",
                "week", Map.of("MONDAY", "09:00-18:00", "FRIDAY", "09:00-18:00"))).body().get("id").asLong();
        String ics = """
                BEGIN:VCALENDAR
                VERSION:2.0
                BEGIN:VEVENT
                DTSTART;VALUE=DATE:20270206
                DTEND;VALUE=DATE:20270210
                SUMMARY:春节
                END:VEVENT
                BEGIN:VEVENT
                DTSTART;VALUE=DATE:20270130
                SUMMARY:春节调休上班
                END:VEVENT
                END:VCALENDAR
                """;
        HttpResponse<String> ok = upload(id, "holidays.ics", ics);
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        JsonNode result = Api.JSON.readTree(ok.body());
        assertThat(result.get("imported").asInt()).isEqualTo(5);
        assertThat(result.get("calendar").get("days").toString()).contains("2027-02-06", "2027-02-09", "\"WORKDAY\"", "2027-01-30",
                "09:00-18:00");

        HttpResponse<String> csv = upload(id, "days.csv", "date,type,hours,name\n2027-05-01,holiday,,劳动节\n2027-04-25,workday,\"10:00-12:00,13:00-17:00\",调休\n");
        assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
        assertThat(csv.body()).contains("2027-05-01", "10:00-12:00,13:00-17:00");

        String before = admin.get("/api/v1/calendars/" + id).raw();
        HttpResponse<String> bad = upload(id, "days.csv", "2027-06-01,holiday\n2027-06-02,sometimes\n");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("\"file\"", "line 2");
        assertThat(admin.get("/api/v1/calendars/" + id).raw()).isEqualTo(before);
    }

    @Test
    void policiesAreListedInOrderAndBadTargetsAreRefusedNamingTheField() {
        Api.Response list = admin.get("/api/v1/sla-policies");
        assertThat(list.raw()).contains("VIP P1", "PT30M", "PT2H", "PT15S", "PT3M");
        Api.Response bad = admin.post("/api/v1/sla-policies", Map.of("name", "x", "calendarId", 999999, "priority", "P9",
                "firstResponse", "thirty minutes"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.raw()).contains("\"priority\"", "\"firstResponse\"");
        Api.Response noCalendar = admin.post("/api/v1/sla-policies", Map.of("name", unique("p"), "calendarId", 999999,
                "firstResponse", "PT1H"));
        assertThat(noCalendar.raw()).contains("\"calendarId\"");
        Api.Response agent = agentIn("AGENT", List.of(), List.of()).post("/api/v1/sla-policies",
                Map.of("name", unique("p"), "calendarId", 2, "firstResponse", "PT1H"));
        assertThat(agent.status()).isEqualTo(403);
    }

    private HttpResponse<String> upload(long calendarId, String filename, String content) throws Exception {
        String boundary = "kefu" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content.getBytes(StandardCharsets.UTF_8));
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/calendars/" + calendarId + "/import"))
                .header("Authorization", "Bearer " + ADMIN_TOKEN)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static org.assertj.core.data.TemporalUnitOffset within() {
        return new org.assertj.core.data.TemporalUnitWithinOffset(1, java.time.temporal.ChronoUnit.SECONDS);
    }
}
