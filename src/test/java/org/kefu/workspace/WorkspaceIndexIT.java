package org.kefu.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kefu.support.IntegrationTest;
import org.kefu.support.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every workspace view (its list and its capped count) is answered from its own index on
 * PostgreSQL. Sequential scans are switched off for the EXPLAIN, so the plan shows which index
 * the planner can use; the expected one must be among them.
 */
class WorkspaceIndexIT extends IntegrationTest {

    private static final String ACTIVE = "('NEW','OPEN','PENDING_CUSTOMER','PENDING_INTERNAL','REOPENED')";
    private static final String BY_UPDATE = " order by t.updated_at desc, t.id desc";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    @BeforeEach
    void onPostgres() {
        Assumptions.assumeTrue(TestDatabase.isPostgres(), "EXPLAIN plans are checked on PostgreSQL");
    }

    static Stream<Arguments> views() {
        String due = "t.status in " + ACTIVE + " and t.demand_deadline >= now() and t.demand_deadline < now() + interval '1 day'";
        return Stream.of(
                // 我的待办 My open: list and count
                Arguments.of("t.assignee_id = 7 and t.status in " + ACTIVE + BY_UPDATE, "ix_ticket_assignee"),
                Arguments.of("t.assignee_id = 7 and t.status in " + ACTIVE, "ix_ticket_assignee"),
                // 未分配 Unassigned
                // (sorted: when most of the small test table is unassigned, walking ix_ticket_updated and filtering is
                // as cheap, and which one wins depends on the other test classes' tickets; the count below is not sorted)
                Arguments.of("t.assignee_id is null and t.status in " + ACTIVE + BY_UPDATE, "ix_ticket_assignee|ix_ticket_updated"),
                Arguments.of("t.assignee_id is null and t.status in " + ACTIVE, "ix_ticket_assignee"),
                // 我的团队 My team
                Arguments.of("t.team_id in (1, 2) and t.status in " + ACTIVE + BY_UPDATE, "ix_ticket_team"),
                Arguments.of("t.team_id in (1, 2) and t.status in " + ACTIVE, "ix_ticket_team"),
                // 全部可见 All I may see, as an agent of two departments, and as an admin
                Arguments.of("(t.assignee_id = 7 or t.department_id in (1, 2))" + BY_UPDATE, "ix_ticket_department|ix_ticket_updated"),
                Arguments.of("(t.assignee_id = 7 or t.department_id in (1, 2))", "ix_ticket_department"),
                Arguments.of("1 = 1" + BY_UPDATE, "ix_ticket_updated"),
                // 即将到期 Due soon
                Arguments.of(due + " and t.demand_deadline is not null order by t.demand_deadline, t.id", "ix_ticket_demand_deadline"),
                Arguments.of(due, "ix_ticket_demand_deadline"),
                // 最近更新 Recently updated
                Arguments.of("t.updated_at >= now() - interval '1 day'" + BY_UPDATE, "ix_ticket_updated"),
                // (its count alone is left out: on the nearly empty test tables the planner may pick any index
                // with updated_at in it; with real data it is the range scan of ix_ticket_updated)
                // saved-view filters
                Arguments.of("t.complaint_type = 'PRODUCT_DEFECT'" + BY_UPDATE, "ix_ticket_complaint_type_updated"),
                Arguments.of("t.complaint_type = 'PRODUCT_DEFECT'", "ix_ticket_complaint_type_updated"),
                Arguments.of("t.channel = 'EMAIL'" + BY_UPDATE, "ix_ticket_channel_updated"),
                // open P1 (V33): on the small test tables walking the priority index and filtering by status costs
                // the same, and which wins depends on the other test classes' tickets; on the 1.5M benchmark database,
                // whose newest P1 tickets were new ones, only the (status, priority, …) index kept the page fast
                // (docs/performance.md). Its definition is checked below.
                Arguments.of("t.status in ('OPEN') and t.priority in ('P1')" + BY_UPDATE,
                        "ix_ticket_status_priority_updated|ix_ticket_priority_updated"),
                Arguments.of("exists (select 1 from ticket_tag g where g.ticket_id = t.id and g.tag = 'vip')" + BY_UPDATE,
                        "ix_ticket_tag_tag|ix_ticket_updated"),
                // (the tier view is checked on its own below)
                // 最早到期 SLA due: the part with a running clock (TicketFinder asks "is not null" itself)
                Arguments.of("t.sla_next_due_at is not null order by t.sla_next_due_at, t.id", "ix_ticket_sla_due"),
                Arguments.of("t.team_id = 1 and t.sla_next_due_at is not null order by t.sla_next_due_at, t.id", "ix_ticket_team"),
                // the tickets merged into one (timeline of the survivor)
                Arguments.of("t.merged_into_id = 42", "ix_ticket_merged_into"));
    }

    /** V32: on PostgreSQL the indexes of columns most tickets leave empty hold only the tickets that have a value. */
    @Test
    void sparseColumnsAreIndexedOnlyWhereTheyHaveAValue() {
        var partial = Map.of(
                "ix_ticket_team_updated", "team_id", "ix_ticket_team_status_updated", "team_id",
                "ix_ticket_team_sla_due", "team_id", "ix_ticket_merged_into", "merged_into_id",
                "ix_ticket_demand_deadline", "demand_deadline", "ix_ticket_complaint_type_updated", "complaint_type",
                "ix_ticket_sla_due", "sla_next_due_at");
        partial.forEach((index, column) -> assertThat(jdbc.queryForObject(
                "select indexdef from pg_indexes where tablename = 'ticket' and indexname = ?", String.class, index))
                .as(index).endsWith("WHERE (" + column + " IS NOT NULL)"));
        assertThat(jdbc.queryForObject("select indexdef from pg_indexes where indexname = 'ix_ticket_assignee_updated'",
                String.class)).as("the unassigned queue reads the assignee index").doesNotContain("WHERE");
        assertThat(jdbc.queryForObject("select indexdef from pg_indexes where indexname = 'ix_ticket_team_queue'",
                String.class)).as("V35: a team's queue holds its unassigned tickets only")
                .endsWith("(team_id, status, priority, created_at, id) WHERE ((team_id IS NOT NULL) AND (assignee_id IS NULL))");
        assertThat(jdbc.queryForObject("select indexdef from pg_indexes where indexname = 'ix_ticket_status_priority_updated'",
                String.class)).as("open P1 tickets, newest change first").endsWith("(status, priority, updated_at, id)");
    }

    @ParameterizedTest
    @MethodSource("views")
    void everyViewQueryUsesItsIndex(String where, String expectedIndex) {
        // on the small test tables a bitmap scan of another index plus a filter looks as cheap (most test tickets are
        // unassigned, so "assignee_id is null" is not selective there); with real data the index scan of the view's own
        // index wins, which switching bitmap scans off makes visible
        boolean withoutBitmapScans = expectedIndex.equals("ix_ticket_updated") || expectedIndex.startsWith("ix_ticket_assignee");
        String text = explainWithoutSeqScans(where, withoutBitmapScans);
        assertThat(text).as(text).doesNotContain("Seq Scan on ticket");
        assertThat(Arrays.stream(expectedIndex.split("\\|")).anyMatch(text::contains))
                .as("expected %s in:%n%s", expectedIndex, text).isTrue();
    }

    /**
     * 客户等级 Tier view: the tickets are read through their customer index, and the customers of the tier through
     * ix_customer_tier. On the 1M benchmark database the planner merge-joins the two. On the small test tables, where
     * nearly every customer has the regular tier, walking the customer primary key and filtering looks as cheap to a
     * merge join, and which of the two won depended on what the other test classes wrote (.ci/run failed on it twice).
     * So the join is checked for its ticket side, and the tier's customers are checked on their own.
     */
    @Test
    void tierViewUsesTheTierIndex() {
        String joined = explainWithoutSeqScans("t.customer_id in (select c.id from customer c where c.tier_id = 2)", false);
        assertThat(joined).as(joined).doesNotContain("Seq Scan");
        List<String> plan = transactions.execute(tx -> {
            jdbc.execute("set local enable_seqscan = off");
            return jdbc.queryForList("explain select c.id from customer c where c.tier_id = 2", String.class);
        });
        String customers = String.join("\n", plan);
        assertThat(customers).as(customers).contains("ix_customer_tier");
    }

    private String explainWithoutSeqScans(String where, boolean withoutBitmapScans) {
        List<String> plan = transactions.execute(tx -> {
            jdbc.execute("set local enable_seqscan = off");
            if (withoutBitmapScans) {
                jdbc.execute("set local enable_bitmapscan = off");
            }
            return jdbc.queryForList("explain select t.id from ticket t where " + where + " limit 1000", String.class);
        });
        return String.join("\n", plan);
    }
}
