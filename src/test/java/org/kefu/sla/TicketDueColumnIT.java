package org.kefu.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.kefu.support.Api;
import org.kefu.support.IntegrationTest;
import org.kefu.support.StatementLog;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The ticket's SLA due column (最早到期 lists sort by it) always holds the earliest due time of its running clocks. A
 * new ticket gets it with its insert, worked out before the insert; only when something changes the ticket before its
 * clocks start (the score raising the priority, so another policy matches) or an edit moves the clocks to another
 * policy is the row updated.
 */
class TicketDueColumnIT extends IntegrationTest {

    private static final String DUE_UPDATE = "update ticket set sla_next_due_at";

    @Autowired
    JdbcTemplate jdbc;

    private Instant column(long ticketId) {
        return jdbc.queryForObject("select sla_next_due_at from ticket where id = ?",
                (rs, i) -> rs.getTimestamp(1) == null ? null : rs.getTimestamp(1).toInstant(), ticketId);
    }

    private Instant earliestRunningDue(long ticketId) {
        return jdbc.queryForObject("select min(due_at) from sla_clock where ticket_id = ? and state = 'RUNNING'",
                (rs, i) -> rs.getTimestamp(1) == null ? null : rs.getTimestamp(1).toInstant(), ticketId);
    }

    private List<Long> policiesOf(long ticketId) {
        return jdbc.queryForList("select distinct policy_id from sla_clock where ticket_id = ?", Long.class, ticketId);
    }

    private long customer(String tier) {
        Api.Response r = admin.post("/api/v1/customers", Map.of("name", "客户", "emails",
                List.of(unique("due") + "@example.com"), "tier", tier));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.body().get("id").asLong();
    }

    private long open(Map<String, Object> fields, List<StatementLog.Executed> statements) {
        return StatementLog.during(() -> openTicket(admin, fields).get("id").asLong(), statements);
    }

    private static long dueUpdates(List<StatementLog.Executed> statements) {
        return statements.stream().filter(s -> s.sql().toLowerCase().replaceAll("\\s+", " ").contains(DUE_UPDATE)).count();
    }

    @Test
    void aNewTicketCarriesItsEarliestDueInItsInsertWithoutAnUpdate() {
        List<StatementLog.Executed> email = new ArrayList<>();
        long emailTicket = open(ticket("发票开错了", "请重开发票", "channel", "EMAIL"), email);
        assertThat(column(emailTicket)).isNotNull().isEqualTo(earliestRunningDue(emailTicket));
        assertThat(policiesOf(emailTicket)).containsExactly(3L); // 邮件 Email: first response in 2 business hours
        assertThat(dueUpdates(email)).as("statements: %s", email).isZero();

        List<StatementLog.Executed> phone = new ArrayList<>();
        long phoneTicket = open(ticket("电话咨询", "想问一下营业时间", "channel", "PHONE"), phone);
        assertThat(column(phoneTicket)).isNull(); // no policy for the phone: no clock, nothing due
        assertThat(earliestRunningDue(phoneTicket)).isNull();
        assertThat(dueUpdates(phone)).isZero();
    }

    @Test
    void aNewTicketWhosePriorityTheScoreRaisesTakesTheDueOfThePolicyThatThenMatches() {
        // Before the insert the ticket is P3, so the chat policy matches (15 s); the score then makes a VIP chat with
        // a demand due within the hour P1, and the VIP P1 policy (30 min first response) starts the clocks.
        Map<String, Object> fields = new LinkedHashMap<>(ticket("订单未送达", "我的订单三天没到",
                "demandDeadline", Instant.now().plus(1, ChronoUnit.HOURS).toString()));
        fields.remove("customer");
        fields.put("customerId", customer("VIP"));
        fields.put("channel", "CHAT");
        List<StatementLog.Executed> statements = new ArrayList<>();
        long id = open(fields, statements);

        assertThat(admin.get("/api/v1/tickets/" + id).body().get("priority").asString()).isEqualTo("P1");
        assertThat(policiesOf(id)).containsExactly(1L);
        assertThat(column(id)).isNotNull().isEqualTo(earliestRunningDue(id));
        assertThat(dueUpdates(statements)).isEqualTo(1);
    }

    @Test
    void anEditMovesTheColumnOnlyWhenTheClocksTakeAnotherPolicy() {
        String tag = unique("加急");
        Api.Response policy = admin.post("/api/v1/sla-policies", Map.of("name", unique("加急"), "position", 1,
                "calendarId", 2, "tag", tag, "firstResponse", "PT5M"));
        assertThat(policy.status()).as(policy.raw()).isEqualTo(201);
        try {
            long id = open(ticket("退款进度", "退款什么时候到账", "channel", "EMAIL"), new ArrayList<>());
            Instant before = column(id);

            List<StatementLog.Executed> sameTargets = StatementLog.during(() -> assertThat(admin.post(
                    "/api/v1/tickets/" + id + "/tags", Map.of("tags", List.of(unique("回访")))).status()).isLessThan(300));
            assertThat(dueUpdates(sameTargets)).as("no other policy matches").isZero();
            assertThat(column(id)).isEqualTo(before).isEqualTo(earliestRunningDue(id));

            List<StatementLog.Executed> otherPolicy = StatementLog.during(() -> assertThat(admin.post(
                    "/api/v1/tickets/" + id + "/tags", Map.of("tags", List.of(tag))).status()).isLessThan(300));
            assertThat(dueUpdates(otherPolicy)).isEqualTo(1);
            assertThat(policiesOf(id)).containsExactly(policy.body().get("id").asLong());
            assertThat(column(id)).isNotNull().isBefore(before).isEqualTo(earliestRunningDue(id));
        } finally {
            admin.delete("/api/v1/sla-policies/" + policy.body().get("id").asLong());
        }
    }

    @Test
    void whateverATicketOpensWithTheColumnIsItsEarliestRunningDue() {
        Random random = new Random(20261203L);
        List<String> channels = List.of("EMAIL", "CHAT", "PHONE", "WEB", "API");
        List<String> tiers = List.of("VIP", "REGULAR");
        List<String> priorities = List.of("P1", "P2", "P3", "P4");
        long[] customers = {customer("VIP"), customer("REGULAR")};
        for (int i = 0; i < 30; i++) {
            Map<String, Object> fields = new LinkedHashMap<>(ticket("随机到期 " + i, "第 " + i + " 个工单"));
            fields.put("channel", channels.get(random.nextInt(channels.size())));
            if (random.nextBoolean()) {
                fields.remove("customer");
                fields.put("customerId", customers[random.nextInt(tiers.size())]);
            }
            if (random.nextBoolean()) {
                fields.put("priority", priorities.get(random.nextInt(priorities.size())));
            }
            if (random.nextInt(3) == 0) {
                fields.put("demandDeadline", Instant.now().plus(1 + random.nextInt(72), ChronoUnit.HOURS).toString());
            }
            long id = openTicket(admin, fields).get("id").asLong();
            assertThat(column(id)).as("ticket %s opened with %s", id, fields).isEqualTo(earliestRunningDue(id));
        }
    }
}
