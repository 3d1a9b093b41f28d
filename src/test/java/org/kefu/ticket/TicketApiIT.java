package org.kefu.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.kefu.support.Api;
import org.kefu.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

class TicketApiIT extends IntegrationTest {

    @Test
    void anOpenedTicketHasANumberTheCustomersWordsAndStartsNew() {
        JsonNode ticket = openTicket(admin, ticket("快递丢失包裹，要求赔偿", "我的包裹三天没有更新物流了，请帮我查一下。",
                "priority", "P2", "demand", "赔偿 200 元", "demandDeadline", "2026-12-01T10:00:00Z",
                "orderRef", "SF1402938475", "complaintType", "SERVICE_ERROR", "tags", List.of("丢件", "赔偿")));

        assertThat(ticket.get("number").asString()).matches("\\d{4}-\\d{6,}");
        assertThat(ticket.get("status").asString()).isEqualTo("NEW");
        assertThat(ticket.get("priority").asString()).isEqualTo("P2");
        assertThat(ticket.get("customerWords").asString()).isEqualTo("我的包裹三天没有更新物流了，请帮我查一下。");
        assertThat(ticket.get("demand").asString()).isEqualTo("赔偿 200 元");
        assertThat(ticket.get("complaintType").asString()).isEqualTo("SERVICE_ERROR");
        assertThat(ticket.get("tags").toString()).contains("丢件", "赔偿");
        assertThat(ticket.get("customer").get("tier").asString()).isEqualTo("REGULAR");

        Api.Response fetched = admin.get("/api/v1/tickets/" + ticket.get("id").asLong());
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.body().get("number").asString()).isEqualTo(ticket.get("number").asString());
    }

    @Test
    void aReplyOpensTheTicketAndEverythingLandsOnTheTimelineInOrder() {
        long id = openTicket(admin, ticket("Blender arrived broken", "The jug is cracked.")).get("id").asLong();

        Api.Response reply = admin.post("/api/v1/tickets/" + id + "/messages", Map.of("body", "Sorry! A replacement is on its way."));
        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.body().get("kind").asString()).isEqualTo("REPLY");
        Api.Response note = admin.post("/api/v1/tickets/" + id + "/notes", Map.of("body", "Warehouse confirmed stock."));
        assertThat(note.status()).isEqualTo(201);
        admin.post("/api/v1/tickets/" + id + "/messages", Map.of("body", "Thanks, got the tracking number.", "author", "CUSTOMER"));

        JsonNode ticket = admin.get("/api/v1/tickets/" + id).body();
        assertThat(ticket.get("status").asString()).isEqualTo("OPEN");
        assertThat(ticket.get("firstResponseAt").isNull()).isFalse();

        List<String> kinds = new ArrayList<>();
        admin.get("/api/v1/tickets/" + id + "/timeline").body().get("items").forEach(e -> kinds.add(e.get("kind").asString()));
        assertThat(kinds).containsSubsequence("CUSTOMER_MESSAGE", "REPLY", "NOTE", "CUSTOMER_MESSAGE");

        List<String> messages = new ArrayList<>();
        admin.get("/api/v1/tickets/" + id + "/messages").body().get("items").forEach(e -> messages.add(e.get("kind").asString()));
        assertThat(messages).containsExactly("CUSTOMER_MESSAGE", "REPLY", "CUSTOMER_MESSAGE");
    }

    @Test
    void anIllegalStatusChangeIsRefusedWith409NamingTheAllowedMoves() {
        long id = openTicket(admin, ticket("状态测试", "测试")).get("id").asLong();
        assertThat(admin.put("/api/v1/tickets/" + id + "/status", Map.of("status", "RESOLVED")).status()).isEqualTo(200);
        assertThat(admin.put("/api/v1/tickets/" + id + "/status", Map.of("status", "CLOSED")).status()).isEqualTo(200);

        Api.Response refused = admin.put("/api/v1/tickets/" + id + "/status", Map.of("status", "OPEN"));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().get("currentStatus").asString()).isEqualTo("CLOSED");
        assertThat(refused.body().get("allowedTransitions").size()).isZero();

        long other = openTicket(admin, ticket("状态测试 2", "测试")).get("id").asLong();
        Api.Response fromNew = admin.put("/api/v1/tickets/" + other + "/status", Map.of("status", "CLOSED"));
        assertThat(fromNew.status()).isEqualTo(409);
        assertThat(fromNew.body().get("allowedTransitions").toString()).contains("OPEN", "RESOLVED");
        assertThat(fromNew.body().get("detail").asString()).contains("NEW", "CLOSED");
    }

    @Test
    void invalidInputNamesEveryBadField() {
        Api.Response missing = admin.post("/api/v1/tickets", Map.of("channel", "EMAIL"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        assertThat(fields(missing)).contains("subject", "description");

        Api.Response badEnum = admin.post("/api/v1/tickets", ticket("x", "y", "priority", "P9"));
        assertThat(badEnum.status()).isEqualTo(400);
        assertThat(fields(badEnum)).contains("priority");
        assertThat(badEnum.raw()).contains("P1").doesNotContain("Exception");

        Api.Response badJson = admin.raw("POST", "/api/v1/tickets", "{\"subject\": ", Map.of());
        assertThat(badJson.status()).isEqualTo(400);
        assertThat(badJson.raw()).doesNotContain("at org.").doesNotContain("Exception");

        Api.Response noCustomer = admin.post("/api/v1/tickets", Map.of("subject", "x", "description", "y"));
        assertThat(noCustomer.status()).isEqualTo(400);
        assertThat(fields(noCustomer)).contains("customerId");

        Api.Response badType = admin.post("/api/v1/tickets", ticket("x", "y", "complaintType", "NOPE"));
        assertThat(fields(badType)).contains("complaintType");
    }

    @Test
    void anOversizedBodyGets413AndNothingIsCreated() {
        String huge = "很".repeat(40_000);
        Api.Response response = admin.post("/api/v1/tickets", ticket("太长了", huge, "tags", List.of(unique("big"))));
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aRepeatedIdempotencyKeyReturnsTheFirstTicketAndCreatesNothingNew() {
        String tag = unique("idem");
        Map<String, Object> body = ticket("重复提交", "网络不好点了两次", "tags", List.of(tag));
        Map<String, String> key = Map.of("Idempotency-Key", unique("key"));

        Api.Response first = admin.post("/api/v1/tickets", body, key);
        Api.Response second = admin.post("/api/v1/tickets", body, key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.body().get("id").asLong()).isEqualTo(first.body().get("id").asLong());
        assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(admin.get("/api/v1/tickets?tag=" + tag).body().get("items").size()).isEqualTo(1);

        Api.Response reused = admin.post("/api/v1/tickets", ticket("另一个", "不同的内容"), key);
        assertThat(reused.status()).isEqualTo(422);

        long id = first.body().get("id").asLong();
        Map<String, String> messageKey = Map.of("Idempotency-Key", unique("msg"));
        Api.Response m1 = admin.post("/api/v1/tickets/" + id + "/messages", Map.of("body", "好的"), messageKey);
        Api.Response m2 = admin.post("/api/v1/tickets/" + id + "/messages", Map.of("body", "好的"), messageKey);
        assertThat(m2.body().get("id").asLong()).isEqualTo(m1.body().get("id").asLong());
        assertThat(admin.get("/api/v1/tickets/" + id + "/messages").body().get("items").size()).isEqualTo(2);
    }

    @Test
    void listsPageByCursorWithoutGapsOrRepeats() {
        String tag = unique("page");
        Set<Long> created = new HashSet<>();
        for (int i = 0; i < 7; i++) {
            created.add(openTicket(admin, ticket("分页 " + i, "内容 " + i, "tags", List.of(tag))).get("id").asLong());
        }
        List<Long> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Api.Response page = admin.get("/api/v1/tickets?tag=" + tag + "&limit=3" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).isEqualTo(200);
            page.body().get("items").forEach(t -> seen.add(t.get("id").asLong()));
            JsonNode next = page.body().get("nextCursor");
            cursor = next == null || next.isNull() ? null : next.asString();
            pages++;
        } while (cursor != null && pages < 10);

        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(7).doesNotHaveDuplicates();
        assertThat(new HashSet<>(seen)).isEqualTo(created);

        Api.Response badCursor = admin.get("/api/v1/tickets?cursor=nonsense");
        assertThat(badCursor.status()).isEqualTo(400);
        assertThat(fields(badCursor)).contains("cursor");
    }

    @Test
    void filtersNarrowTheList() {
        String tag = unique("filter");
        openTicket(admin, ticket("P1 单", "急", "priority", "P1", "tags", List.of(tag)));
        openTicket(admin, ticket("P4 单", "不急", "priority", "P4", "tags", List.of(tag), "channel", "CHAT"));

        JsonNode p1 = admin.get("/api/v1/tickets?tag=" + tag + "&priority=P1").body().get("items");
        assertThat(p1).hasSize(1);
        assertThat(p1.get(0).get("subject").asString()).isEqualTo("P1 单");
        assertThat(admin.get("/api/v1/tickets?tag=" + tag + "&channel=CHAT").body().get("items")).hasSize(1);
        assertThat(admin.get("/api/v1/tickets?tag=" + tag + "&status=NEW&assigneeId=0").body().get("items")).hasSize(2);
        assertThat(admin.get("/api/v1/tickets?tag=" + tag + "&status=RESOLVED").body().get("items")).isEmpty();
    }

    @Test
    void mergingClosesTheDuplicateAndShowsBothTimelinesOnTheSurvivor() {
        long survivor = openTicket(admin, ticket("订单未送达", "订单 123 没收到")).get("id").asLong();
        long duplicate = openTicket(admin, ticket("订单没收到（重复）", "再问一次订单 123")).get("id").asLong();

        Api.Response merged = admin.post("/api/v1/tickets/" + survivor + "/merge", Map.of("duplicateId", duplicate));

        assertThat(merged.status()).isEqualTo(200);
        JsonNode dup = admin.get("/api/v1/tickets/" + duplicate).body();
        assertThat(dup.get("status").asString()).isEqualTo("CLOSED");
        assertThat(dup.get("mergedIntoId").asLong()).isEqualTo(survivor);
        List<String> bodies = new ArrayList<>();
        admin.get("/api/v1/tickets/" + survivor + "/timeline?kind=CUSTOMER_MESSAGE").body().get("items")
                .forEach(e -> bodies.add(e.get("body").asString()));
        assertThat(bodies).containsExactly("订单 123 没收到", "再问一次订单 123");
        assertThat(admin.post("/api/v1/tickets/" + duplicate + "/messages", Map.of("body", "x")).status()).isEqualTo(409);
        assertThat(admin.get("/api/v1/audit-events?action=TICKET_MERGED").body().get("items").toString())
                .contains(dup.get("number").asString());
    }

    @Test
    void linksShowOnBothTickets() {
        long parent = openTicket(admin, ticket("系统故障：订单系统宕机", "全部门无法下单")).get("id").asLong();
        long child = openTicket(admin, ticket("下单失败", "我无法下单")).get("id").asLong();

        Api.Response link = admin.post("/api/v1/tickets/" + child + "/links", Map.of("ticketId", parent, "relation", "PARENT"));

        assertThat(link.status()).isEqualTo(201);
        assertThat(link.body().get("sourceId").asLong()).isEqualTo(parent);
        assertThat(link.body().get("kind").asString()).isEqualTo("PARENT_CHILD");
        assertThat(admin.get("/api/v1/tickets/" + parent + "/links").body()).hasSize(1);
        assertThat(admin.post("/api/v1/tickets/" + parent + "/links", Map.of("ticketId", child, "relation", "CHILD")).status())
                .isEqualTo(409);
        assertThat(admin.get("/api/v1/tickets/" + parent + "/timeline?kind=EVENT").raw()).contains("LINKED");
        assertThat(admin.delete("/api/v1/tickets/" + parent + "/links/" + link.body().get("id").asLong()).status()).isEqualTo(204);
        assertThat(admin.get("/api/v1/tickets/" + child + "/links").body()).isEmpty();
    }

    @Test
    void customFieldsAreTypedAndValidated() {
        String key = "f" + unique("x").replace("-", "");
        assertThat(admin.post("/api/v1/custom-fields", Map.of("key", key, "label", "渠道来源", "type", "SELECT",
                "options", List.of("官网", "App"))).status()).isEqualTo(201);

        JsonNode ok = openTicket(admin, ticket("自定义字段", "x", "customFields", Map.of(key, "App")));
        assertThat(ok.get("customFields").get(key).asString()).isEqualTo("App");

        Api.Response bad = admin.post("/api/v1/tickets", ticket("自定义字段", "x", "customFields", Map.of(key, "电话", "nope", 1)));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(fields(bad)).contains("customFields." + key, "customFields.nope");

        long id = ok.get("id").asLong();
        java.util.Map<String, Object> removal = new java.util.HashMap<>();
        removal.put(key, null);
        Api.Response cleared = admin.patch("/api/v1/tickets/" + id, Map.of("customFields", removal, "confirmedProblem", "渠道确认"));
        assertThat(cleared.status()).isEqualTo(200);
        assertThat(cleared.body().get("customFields").has(key)).isFalse();
        assertThat(cleared.body().get("confirmedProblem").asString()).isEqualTo("渠道确认");
    }

    @Test
    void tagsAndAssignmentChangeWithTimelineEvents() {
        long id = openTicket(admin, ticket("标签", "x")).get("id").asLong();
        long department = createDepartment("标签部门");
        long team = admin.post("/api/v1/teams", Map.of("name", unique("组"), "departmentId", department)).body().get("id").asLong();

        JsonNode tagged = admin.post("/api/v1/tickets/" + id + "/tags", Map.of("tags", List.of("VIP关怀", "回访"))).body();
        assertThat(tagged.get("tags").toString()).contains("VIP关怀", "回访");
        JsonNode assigned = admin.put("/api/v1/tickets/" + id + "/assignment", Map.of("teamId", team)).body();
        assertThat(assigned.get("departmentId").asLong()).isEqualTo(department);
        assertThat(assigned.get("teamId").asLong()).isEqualTo(team);
        assertThat(admin.get("/api/v1/tags?prefix=VIP").body().get("items").toString()).contains("VIP关怀");
        String events = admin.get("/api/v1/tickets/" + id + "/timeline?kind=EVENT").raw();
        assertThat(events).contains("TAGS_CHANGED", "ASSIGNED");
    }

    private static List<String> fields(Api.Response problem) {
        List<String> names = new ArrayList<>();
        JsonNode errors = problem.body().get("errors");
        if (errors != null) {
            errors.forEach(e -> names.add(e.get("field").asString()));
        }
        return names;
    }
}
