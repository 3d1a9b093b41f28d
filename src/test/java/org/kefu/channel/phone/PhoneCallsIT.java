package org.kefu.channel.phone;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.kefu.support.Api;
import org.kefu.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/** Calls over real HTTP: telephony records, calls logged by agents, and who a caller is. */
class PhoneCallsIT extends IntegrationTest {

    private static String mobile() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    private Map<String, Object> record(String from, String externalCallId, Instant start, Integer seconds) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", from);
        body.put("to", "+86 10 8888 0000");
        body.put("direction", "INBOUND");
        body.put("start", start.toString());
        if (seconds != null) {
            body.put("end", start.plusSeconds(seconds).toString());
        }
        body.put("recordingUrl", "https://pbx.example.com/rec/" + externalCallId + ".mp3");
        body.put("externalCallId", externalCallId);
        return body;
    }

    private long countNotices(long ticketId, String keyPrefix) {
        JsonNode items = admin.get("/api/v1/tickets/" + ticketId + "/timeline?limit=100").body().get("items");
        int n = 0;
        for (JsonNode e : items) {
            if ("NOTICE".equals(e.path("eventType").asString("")) && e.get("eventData").get("key").asString().startsWith(keyPrefix)) {
                n++;
            }
        }
        return n;
    }

    @Test
    void aReportedCallOpensAPhoneTicketThenTheNextCallJoinsItAndAResendChangesNothing() {
        String number = mobile();
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(600);
        String callId = unique("pbx");
        Api.Response first = admin.post("/api/v1/channels/phone/calls", record(number, callId, start, 95));
        assertThat(first.status()).as(first.raw()).isEqualTo(201);
        assertThat(first.body().get("newTicket").asBoolean()).isTrue();
        long ticketId = first.body().get("ticketId").asLong();
        JsonNode ticket = admin.get("/api/v1/tickets/" + ticketId).body();
        assertThat(ticket.get("channel").asString()).isEqualTo("PHONE");
        assertThat(first.body().get("call").get("outcome").asString()).isEqualTo("ANSWERED");
        assertThat(first.body().get("call").get("durationSeconds").asInt()).isEqualTo(95);

        Api.Response resend = admin.post("/api/v1/channels/phone/calls", record(number, callId, start, 95));
        assertThat(resend.status()).isEqualTo(200);
        assertThat(resend.body().get("replayed").asBoolean()).isTrue();
        assertThat(resend.body().get("call").get("id").asLong()).isEqualTo(first.body().get("call").get("id").asLong());

        Api.Response second = admin.post("/api/v1/channels/phone/calls", record(number, unique("pbx"), start.plusSeconds(300), null));
        assertThat(second.body().get("newTicket").asBoolean()).isFalse();
        assertThat(second.body().get("ticketId").asLong()).isEqualTo(ticketId);
        assertThat(second.body().get("call").get("outcome").asString()).isEqualTo("MISSED");

        JsonNode calls = admin.get("/api/v1/tickets/" + ticketId + "/calls").body();
        assertThat(calls).hasSize(2);
        assertThat(countNotices(ticketId, "channel.phone.logged.")).isEqualTo(2);
    }

    @Test
    void aCallFromAKnownNumberInAnotherFormatGoesToThatCustomersOpenTicket() {
        String number = mobile();
        Api.Response customer = admin.post("/api/v1/customers", Map.of("name", "李女士", "phones", List.of("+86 " + number)));
        long customerId = customer.body().get("id").asLong();
        JsonNode open = openTicket(admin, Map.of("subject", "退款进度", "description", "上周申请的退款", "channel", "EMAIL",
                "customerId", customerId));

        Api.Response r = admin.post("/api/v1/channels/phone/calls", record(number, unique("pbx"), Instant.now().minusSeconds(60), 30));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        assertThat(r.body().get("ticketId").asLong()).isEqualTo(open.get("id").asLong());
        assertThat(r.body().get("call").get("customerId").asLong()).isEqualTo(customerId);

        JsonNode callers = admin.get("/api/v1/channels/phone/callers?number=" + Api.q("0086" + number)).body();
        assertThat(callers).hasSize(1);
        assertThat(callers.get(0).get("customerId").asLong()).isEqualTo(customerId);
    }

    @Test
    void anAgentLogsACallOnATicketItMaySeeAndItAppearsOnTheTimeline() {
        long department = createDepartment("热线组");
        Api agent = agentIn("AGENT", List.of(department), List.of());
        JsonNode ticket = openTicket(agent, ticket("来电咨询", "客户来电询问物流", "departmentId", department));
        long id = ticket.get("id").asLong();

        Map<String, Object> call = new LinkedHashMap<>();
        call.put("direction", "OUTBOUND");
        call.put("number", "+86 138-0013-8000");
        call.put("durationSeconds", 130);
        call.put("outcome", "CALLBACK_REQUESTED");
        call.put("notes", "<b>客户</b>要求明天上午回电");
        Api.Response logged = agent.post("/api/v1/tickets/" + id + "/calls", call);
        assertThat(logged.status()).as(logged.raw()).isEqualTo(201);
        assertThat(agent.get("/api/v1/tickets/" + id + "/calls").body()).hasSize(1);
        assertThat(countNotices(id, "channel.phone.logged.OUTBOUND.CALLBACK_REQUESTED")).isEqualTo(1);

        long otherDepartment = createDepartment("别的部门");
        Api outsider = agentIn("AGENT", List.of(otherDepartment), List.of());
        assertThat(outsider.get("/api/v1/tickets/" + id + "/calls").status()).isEqualTo(404);
        assertThat(outsider.post("/api/v1/tickets/" + id + "/calls", call).status()).isEqualTo(404);

        call.put("recordingUrl", "javascript:alert(1)");
        Api.Response bad = agent.post("/api/v1/tickets/" + id + "/calls", call);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.raw()).contains("recordingUrl");
        call.remove("recordingUrl");
        call.put("number", "not a number");
        assertThat(agent.post("/api/v1/tickets/" + id + "/calls", call).raw()).contains("number");
    }

    @Test
    void aTicketOpenedFromACallIsAPhoneTicketWithTheCallOnIt() {
        String number = mobile();
        Map<String, Object> call = Map.of("direction", "INBOUND", "number", number, "outcome", "ANSWERED",
                "durationSeconds", 60, "notes", "投诉快递员态度");
        Api.Response r = admin.post("/api/v1/channels/phone/tickets", Map.of("call", call, "customerName", "张先生",
                "subject", "投诉快递员"));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        long ticketId = r.body().get("ticketId").asLong();
        JsonNode ticket = admin.get("/api/v1/tickets/" + ticketId).body();
        assertThat(ticket.get("channel").asString()).isEqualTo("PHONE");
        assertThat(ticket.get("customer").toString()).contains("张先生");
        assertThat(admin.get("/api/v1/tickets/" + ticketId + "/calls").body()).hasSize(1);
    }
}
