package org.kefu.platform.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kefu.support.Api;
import org.kefu.support.IntegrationTest;
import org.kefu.support.StatementLog;
import org.kefu.support.StatementLog.Executed;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reference data (tiers, custom fields, default department, SLA policies and calendars, goals, priority weights,
 * routing and escalation rules) is read once per node, not on every ticket or message, and still changes at once on
 * the node that changed it and within the refresh interval elsewhere.
 */
class ReferenceDataCacheIT extends IntegrationTest {

    /**
     * Tables whose rows only admins change (and reference_version, which only a miss or the refresher reads). A join
     * that brings a customer's tier along with the customer is the customer's read, not one of these.
     */
    private static final List<String> REFERENCE_TABLES = List.of("customer_tier", "department", "custom_field",
            "complaint_type", "priority_settings", "sla_policy", "sla_calendar", "sla_calendar_week", "sla_calendar_day",
            "service_goal", "routing_rule", "routing_team", "escalation_rule", "reference_version");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ReferenceData references;

    @Test
    void creatingATicketReadsNoReferenceTableOnceWarm() {
        openTicket(admin, ticket("预热", "第一张工单读入参考数据", "priority", "P2", "complaintType", "SERVICE_ERROR"));

        List<Executed> create = onRequestThreads(StatementLog.during(() -> openTicket(admin,
                ticket("快递丢失", "包裹三天没有更新", "priority", "P2", "complaintType", "SERVICE_ERROR"))));

        System.out.println("reference-cache: statements on the request thread for a warm create: " + create.size());
        assertThat(create).as("statements of a warm create").isNotEmpty()
                .noneMatch(e -> REFERENCE_TABLES.contains(e.mainTable()));
    }

    @Test
    void aCustomerMessageReadsNoReferenceTableOnceWarm() {
        long id = openTicket(admin, ticket("又来信", "第一封")).get("id").asLong();
        message(id, "第二封");

        List<Executed> message = onRequestThreads(StatementLog.during(() -> message(id, "第三封")));

        System.out.println("reference-cache: statements on the request thread for a warm customer message: " + message.size());
        assertThat(message).as("statements of a warm customer message").isNotEmpty()
                .noneMatch(e -> REFERENCE_TABLES.contains(e.mainTable()));
    }

    @Test
    void anAdminChangeIsVisibleToTheNextCreateOnTheSameNode() {
        String key = fieldKey();
        Api.Response refused = admin.post("/api/v1/tickets", ticket("自定义字段", "还没有这个字段", "customFields", Map.of(key, "A")));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.raw()).contains("customFields." + key);

        Api.Response field = admin.post("/api/v1/custom-fields", Map.of("key", key, "label", "渠道来源", "type", "TEXT"));
        assertThat(field.status()).isEqualTo(201);

        Api.Response accepted = admin.post("/api/v1/tickets", ticket("自定义字段", "字段已建立", "customFields", Map.of(key, "A")));
        assertThat(accepted.status()).isEqualTo(201);
        assertThat(accepted.body().get("customFields").get(key).asString()).isEqualTo("A");
    }

    @Test
    void aChangeMadeByAnotherNodeIsPickedUpWhenTheRefresherRuns() {
        String key = fieldKey();
        openTicket(admin, ticket("预热", "读入自定义字段"));
        // another node writes the field (the data, then its kind's version, in one transaction)
        jdbc.sql("""
                        insert into custom_field (id, field_key, label, field_type, options, required, active, position, created_at)
                        values (nextval('custom_field_seq'), ?, '另一节点', 'TEXT', null, false, true, 100, current_timestamp)""")
                .param(key).update();
        assertThat(admin.post("/api/v1/tickets", ticket("别的节点", "版本还没变", "customFields", Map.of(key, "B"))).status())
                .as("this node's copy is used while the version is unchanged").isEqualTo(400);

        jdbc.sql("update reference_version set version = version + 1 where kind = 'ticket.custom-fields'").update();
        references.refresh();

        Api.Response accepted = admin.post("/api/v1/tickets", ticket("别的节点", "版本变了", "customFields", Map.of(key, "B")));
        assertThat(accepted.status()).isEqualTo(201);
        assertThat(accepted.body().get("customFields").get(key).asString()).isEqualTo("B");
    }

    private void message(long ticketId, String body) {
        Api.Response r = admin.post("/api/v1/tickets/" + ticketId + "/messages", Map.of("body", body, "author", "CUSTOMER"));
        assertThat(r.status()).isEqualTo(201);
    }

    /** The request's own statements: background work (the refresher, schedulers, after-commit workers) aside. */
    private static List<Executed> onRequestThreads(List<Executed> all) {
        return all.stream().filter(Executed::onRequestThread).toList();
    }

    private static String fieldKey() {
        return "rc" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }
}
