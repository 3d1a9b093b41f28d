package org.kefu.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kefu.support.Api;
import org.kefu.support.IntegrationTest;

class SavedViewApiIT extends IntegrationTest {

    @Test
    void agentSavesAViewAndSeesItsCountOfTicketsItMaySee() {
        long department = createDepartment("视图部门");
        Api agent = agentIn("AGENT", List.of(department), List.of());
        String tag = unique("tag").toLowerCase();
        openTicket(admin, ticket("包裹丢失 A", "快递丢失包裹", "departmentId", department, "priority", "P1", "tags", List.of(tag)));
        openTicket(admin, ticket("包裹丢失 B", "快递丢失包裹", "departmentId", department, "priority", "P1", "tags", List.of(tag)));
        openTicket(admin, ticket("包裹丢失 C", "快递丢失包裹", "priority", "P1", "tags", List.of(tag))); // another department

        Api.Response created = agent.post("/api/v1/saved-views",
                Map.of("name", "紧急 " + tag, "filters", Map.of("priorities", List.of("P1"), "tag", tag)));

        assertThat(created.status()).isEqualTo(201);
        long id = created.body().get("id").asLong();
        assertThat(created.header("Location")).isEqualTo("/api/v1/saved-views/" + id);
        assertThat(created.body().get("count").asLong()).isEqualTo(2);
        assertThat(created.body().get("countCapped").asBoolean()).isFalse();
        assertThat(created.body().get("filters").get("priorities").get(0).asString()).isEqualTo("P1");
        assertThat(agent.get("/api/v1/saved-views").body().findValuesAsString("name")).contains("紧急 " + tag);
        // the admin sees all three
        assertThat(admin.post("/api/v1/saved-views", Map.of("name", "all " + tag, "filters", Map.of("tag", tag)))
                .body().get("count").asLong()).isEqualTo(3);
    }

    @Test
    void renameRefilterAndDelete() {
        Api agent = agentIn("AGENT", List.of(createDepartment("d")), List.of());
        long id = agent.post("/api/v1/saved-views", Map.of("name", "mine", "filters", Map.of())).body().get("id").asLong();

        Api.Response renamed = agent.patch("/api/v1/saved-views/" + id, Map.of("name", "  待处理 VIP  "));
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.body().get("name").asString()).isEqualTo("待处理 VIP");

        Api.Response refiltered = agent.patch("/api/v1/saved-views/" + id, Map.of("filters", Map.of("statuses", List.of("NEW"))));
        assertThat(refiltered.body().get("name").asString()).isEqualTo("待处理 VIP");
        assertThat(refiltered.body().get("filters").get("statuses").get(0).asString()).isEqualTo("NEW");

        assertThat(agent.delete("/api/v1/saved-views/" + id).status()).isEqualTo(204);
        assertThat(agent.get("/api/v1/saved-views/" + id).status()).isEqualTo(404);
    }

    @Test
    void anotherAgentCannotSeeChangeOrDeleteMyView() {
        long department = createDepartment("d");
        Api me = agentIn("AGENT", List.of(department), List.of());
        Api other = agentIn("SUPERVISOR", List.of(department), List.of());
        long id = me.post("/api/v1/saved-views", Map.of("name", "private", "filters", Map.of())).body().get("id").asLong();

        assertThat(other.get("/api/v1/saved-views/" + id).status()).isEqualTo(404);
        assertThat(other.patch("/api/v1/saved-views/" + id, Map.of("name", "taken")).status()).isEqualTo(404);
        Api.Response deleted = other.delete("/api/v1/saved-views/" + id);
        assertThat(deleted.status()).isEqualTo(404);
        assertThat(deleted.contentType()).startsWith("application/problem+json");
        assertThat(other.get("/api/v1/saved-views").body().findValuesAsString("name")).doesNotContain("private");
        assertThat(me.get("/api/v1/saved-views/" + id).status()).isEqualTo(200);
    }

    @Test
    void invalidViewsAreRefusedNamingTheField() {
        Api agent = agentIn("AGENT", List.of(createDepartment("d")), List.of());

        Api.Response blank = agent.post("/api/v1/saved-views", Map.of("name", " ", "filters", Map.of()));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.contentType()).startsWith("application/problem+json");
        assertThat(blank.raw()).contains("name");

        Api.Response tooLong = agent.post("/api/v1/saved-views", Map.of("name", "x".repeat(81)));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.raw()).contains("name");

        Api.Response range = agent.post("/api/v1/saved-views", Map.of("name", "range", "filters",
                Map.of("createdFrom", "2026-05-01T00:00:00Z", "createdTo", "2026-04-01T00:00:00Z")));
        assertThat(range.status()).isEqualTo(400);
        assertThat(range.raw()).contains("createdTo");

        Api.Response textWithTier = agent.post("/api/v1/saved-views", Map.of("name", "t", "filters",
                Map.of("text", "包裹", "tierId", 1)));
        assertThat(textWithTier.status()).isEqualTo(400);
        assertThat(textWithTier.raw()).contains("tierId");

        Api.Response badStatus = agent.raw("POST", "/api/v1/saved-views",
                "{\"name\":\"s\",\"filters\":{\"statuses\":[\"NOPE\"]}}", Map.of());
        assertThat(badStatus.status()).isEqualTo(400);
        assertThat(badStatus.contentType()).startsWith("application/problem+json");

        agent.post("/api/v1/saved-views", Map.of("name", "twice"));
        Api.Response duplicate = agent.post("/api/v1/saved-views", Map.of("name", "twice"));
        assertThat(duplicate.status()).isEqualTo(409);
    }
}
