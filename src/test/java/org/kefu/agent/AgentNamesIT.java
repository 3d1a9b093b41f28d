package org.kefu.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kefu.support.Api;
import org.kefu.support.IntegrationTest;
import org.kefu.support.WebVisitor;

/** Pages name agents from a cache on each node; a new or renamed agent shows at once, a deactivated one is not offered. */
class AgentNamesIT extends IntegrationTest {

    @Test
    void pagesShowANewOrRenamedAgentAtOnceAndStopOfferingADeactivatedOne() {
        long department = createDepartment(unique("名称"));
        String first = unique("张三");
        Api.Response created = admin.post("/api/v1/agents", Map.of("email", unique("a") + "@test.kefu.local",
                "displayName", first, "role", "AGENT", "departmentIds", List.of(department), "teamIds", List.of()));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        long agentId = created.body().get("id").asLong();
        String subject = unique("改名工单");
        long ticketId = openTicket(admin, ticket(subject, "请处理", "departmentId", department, "assigneeId", agentId))
                .get("id").asLong();

        WebVisitor web = new WebVisitor(port);
        web.agentSignIn("admin@test.kefu.local", "admin-password-123");
        assertThat(web.get("/tickets?view=all").body()).contains(subject, first);
        assertThat(web.get("/tickets/" + ticketId).body()).contains(first);

        String renamed = unique("李四");
        assertThat(admin.patch("/api/v1/agents/" + agentId, Map.of("displayName", renamed)).status()).isEqualTo(200);
        assertThat(web.get("/tickets?view=all").body()).contains(renamed).doesNotContain(first);
        assertThat(web.get("/tickets/" + ticketId).body()).contains(renamed).doesNotContain(first);

        String newcomer = unique("王五");
        assertThat(admin.post("/api/v1/agents", Map.of("email", unique("b") + "@test.kefu.local", "displayName", newcomer,
                "role", "AGENT", "departmentIds", List.of(department), "teamIds", List.of())).status()).isEqualTo(201);
        assertThat(web.get("/tickets?view=all").body()).contains(newcomer); // among the assignee filter's options

        assertThat(admin.patch("/api/v1/agents/" + agentId, Map.of("active", false)).status()).isEqualTo(200);
        String page = web.get("/tickets?view=all").body();
        assertThat(page).contains(newcomer);
        assertThat(optionsOf(page)).doesNotContain(renamed); // still the assignee of its ticket, no longer offered
    }

    /** The text of the page's option elements. */
    private static String optionsOf(String html) {
        StringBuilder options = new StringBuilder();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<option[^>]*>([^<]*)</option>").matcher(html);
        while (m.find()) {
            options.append(m.group(1)).append('\n');
        }
        return options.toString();
    }
}
