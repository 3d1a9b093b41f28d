package org.kefu.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kefu.support.Api;
import org.kefu.support.IntegrationTest;
import org.kefu.support.RequestStatements;
import org.kefu.support.WebVisitor;

/**
 * How many SQL statements one list request runs, sign-in and token checks included: a page of 50 tickets with
 * different customers, assignees and tags must not cost a statement per row (N+1), and the fixed part stays small.
 */
class ReadPathStatementsIT extends IntegrationTest {

    /** Statements for a first page of the ticket list API, whatever its size. */
    static final int API_LIST_MAX = 4;
    /** Statements for a page of search hits: the tickets with their customers and tiers (one join), their tags. */
    static final int SEARCH_MAX = 2;
    /**
     * Statements for the workspace page with 50 rows: the session re-check (tests re-check on every request), rows,
     * SLA due times, saved views, teams (with their departments, one batch, once any team exists), tiers, complaint
     * types. The agents' names come from the node's cache (AgentDirectory.names).
     */
    static final int PAGE_MAX = 8;

    private static long department;
    private static String agentToken;
    private Api agent;

    @BeforeEach
    void tickets() {
        if (agentToken != null) {
            agent = admin.as(agentToken);
            return;
        }
        department = createDepartment("读路径");
        long agentId = admin.post("/api/v1/agents", Map.of("email", unique("agent") + "@test.kefu.local", "displayName",
                "组长", "role", "SUPERVISOR", "departmentIds", List.of(department), "teamIds", List.of())).body().get("id").asLong();
        List<Long> assignees = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Api.Response created = admin.post("/api/v1/agents", Map.of("email", unique("a") + "@test.kefu.local",
                    "displayName", "坐席" + i, "role", "AGENT", "departmentIds", List.of(department), "teamIds", List.of()));
            assignees.add(created.body().get("id").asLong());
        }
        for (int i = 0; i < 55; i++) {
            Map<String, Object> fields = ticket("订单问题 " + i, "第 " + i + " 个问题", "departmentId", department,
                    "tags", List.of("t" + i % 4, "读路径"));
            // all assigned: unassigned test tickets would sway the planner statistics WorkspaceIndexIT's EXPLAINs see
            fields.put("assigneeId", assignees.get(i % 3));
            openTicket(admin, fields);
        }
        Api.Response token = admin.post("/api/v1/api-tokens", Map.of("name", "list", "agentId", agentId));
        agentToken = token.body().get("secret").asString();
        agent = admin.as(agentToken);
    }

    private static List<String> show(String what, List<String> statements) {
        System.out.println("[statements] " + what + ": " + statements.size());
        statements.forEach(sql -> System.out.println("[statements]   " + sql));
        return statements;
    }

    private List<String> apiList(int limit) {
        String key = unique("api");
        Api.Response r = agent.raw("GET", "/api/v1/tickets?departmentId=" + department + "&limit=" + limit, null,
                Map.of(RequestStatements.HEADER, key));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(r.body().get("items")).hasSize(limit);
        assertThat(r.body().get("items").get(0).get("tags").size()).isEqualTo(2);
        return show("API list of " + limit, RequestStatements.of(key));
    }

    @Test
    void theTicketListApiDoesNotRunAStatementPerTicket() {
        apiList(5);
        List<String> five = apiList(5);
        List<String> fifty = apiList(50);

        assertThat(fifty).as(String.join("\n", fifty)).hasSizeLessThanOrEqualTo(API_LIST_MAX);
        assertThat(fifty.size()).as(String.join("\n", fifty)).isEqualTo(five.size());
    }

    private List<String> apiSearch(int limit) {
        String key = unique("search");
        Api.Response r = agent.raw("GET", "/api/v1/tickets?q=" + Api.q("订单问题") + "&departmentId=" + department + "&limit="
                + limit, null, Map.of(RequestStatements.HEADER, key));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(r.body().get("items")).hasSize(limit);
        assertThat(r.body().get("items").get(0).get("highlights").get(0).asString()).contains("<mark>");
        return show("API search of " + limit, RequestStatements.of(key));
    }

    @Test
    void searchLoadsItsHitsInBatchesNotOneByOne() {
        apiSearch(5);
        List<String> five = apiSearch(5);
        List<String> fifty = apiSearch(50);

        assertThat(fifty).as(String.join("\n", fifty)).hasSizeLessThanOrEqualTo(SEARCH_MAX);
        assertThat(fifty.size()).as(String.join("\n", fifty)).isEqualTo(five.size());
    }

    @Test
    void theWorkspacePageDoesNotRunAStatementPerRow() {
        WebVisitor web = new WebVisitor(port);
        web.agentSignIn("admin@test.kefu.local", "admin-password-123");
        web.get("/tickets?view=all");

        String key = unique("page");
        WebVisitor.Page page = web.get("/tickets?view=all", Map.of(RequestStatements.HEADER, key));
        assertThat(page.status()).isEqualTo(200);
        List<String> statements = show("workspace page, view all", RequestStatements.of(key));
        assertThat(page.body()).contains("订单问题 54", "坐席1")
                .containsPattern("src=\"/webjars/htmx\\.org/[0-9][^/\"]*/dist/htmx\\.min\\.js\"")
                .containsPattern("href=\"/tickets/[0-9]+\"");

        String filteredKey = unique("filtered");
        WebVisitor.Page filtered = web.get("/tickets?tag=t0",
                Map.of(RequestStatements.HEADER, filteredKey));
        assertThat(filtered.status()).isEqualTo(200);
        List<String> few = show("workspace page, filtered", RequestStatements.of(filteredKey));

        assertThat(statements).as(String.join("\n", statements)).hasSizeLessThanOrEqualTo(PAGE_MAX)
                .noneMatch(sql -> sql.toLowerCase(java.util.Locale.ROOT).matches("(?s).*from agent \\w+ order by.*"));
        assertThat(few.size()).as(String.join("\n", few)).isLessThanOrEqualTo(statements.size());
    }
}
