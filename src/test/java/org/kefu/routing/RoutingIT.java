package org.kefu.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kefu.routing.RoutingFixtures.AgentRef;
import org.kefu.support.Api;
import org.kefu.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Routing rules and team assignment end to end over real HTTP, on H2 and PostgreSQL. */
class RoutingIT extends IntegrationTest {

    @Autowired
    Assigning assigning;

    @Autowired
    RoutingSweep sweep;

    @Autowired
    RoutingWorkers workers;

    private RoutingFixtures fx;
    private final List<Long> rules = new ArrayList<>();

    @BeforeEach
    void fixtures() {
        fx = new RoutingFixtures(admin, () -> assertThat(workers.awaitIdle(java.time.Duration.ofSeconds(20))).isTrue());
    }

    @AfterEach
    void removeRules() {
        rules.forEach(id -> admin.delete("/api/v1/routing/rules/" + id));
    }

    @Test
    void aRuleSendsAnEmailProductDefectToItsTeamAndTheTimelineNamesTheRule() {
        long department = fx.department();
        long team = fx.team(department);
        String product = RoutingFixtures.unique("X200");
        String ruleName = RoutingFixtures.unique("邮件产品缺陷");
        rules.add(fx.rule(Map.of("name", ruleName, "position", 10, "channel", "EMAIL", "complaintType", "PRODUCT_DEFECT",
                "product", product, "teamId", team)));
        long customer = fx.customer("zh-CN", null);

        long routed = fx.open(customer, "EMAIL", "complaintType", "PRODUCT_DEFECT", "productRef", product);
        JsonNode ticket = fx.ticket(routed);
        assertThat(ticket.get("teamId").asLong()).isEqualTo(team);
        assertThat(ticket.get("departmentId").asLong()).isEqualTo(department);
        assertThat(fx.notices(routed)).anySatisfy(n -> assertThat(n).startsWith("routing.routed", ruleName));

        long chat = fx.open(customer, "CHAT", "complaintType", "PRODUCT_DEFECT", "productRef", product);
        assertThat(fx.ticket(chat).get("teamId").isNull()).isTrue();
        assertThat(fx.notices(chat)).isEmpty();

        long otherTeam = fx.team(department);
        long chosen = fx.open(customer, "EMAIL", "complaintType", "PRODUCT_DEFECT", "productRef", product, "teamId", otherTeam);
        assertThat(fx.ticket(chosen).get("teamId").asLong()).as("the opener's choice stands").isEqualTo(otherTeam);
    }

    @Test
    void theFirstMatchingRuleWinsAndInactiveRulesAreSkipped() {
        long department = fx.department();
        long first = fx.team(department);
        long second = fx.team(department);
        long third = fx.team(department);
        String product = RoutingFixtures.unique("P");
        rules.add(fx.rule(Map.of("name", RoutingFixtures.unique("off"), "position", 1, "active", false, "product", product,
                "teamId", first)));
        rules.add(fx.rule(Map.of("name", RoutingFixtures.unique("en"), "position", 2, "product", product, "language", "en",
                "teamId", second)));
        rules.add(fx.rule(Map.of("name", RoutingFixtures.unique("any"), "position", 3, "product", product, "teamId", third)));

        long english = fx.open(fx.customer("en", null), "WEB", "productRef", product);
        long chinese = fx.open(fx.customer("zh-CN", null), "WEB", "productRef", product);

        assertThat(fx.ticket(english).get("teamId").asLong()).isEqualTo(second);
        assertThat(fx.ticket(chinese).get("teamId").asLong()).isEqualTo(third);
    }

    @Test
    void skillsAndLoadGivesTheTicketToTheAgentWithTheSkillsAndRecordsWhy() {
        long department = fx.department();
        long team = fx.team(department);
        fx.strategy(team, "SKILLS_AND_LOAD");
        AgentRef chinese = fx.agent("王芳", department, team, 3, "LANGUAGE:zh-CN:5");
        AgentRef english = fx.agent("Lily", department, team, 3, "LANGUAGE:en:4", "COMPLAINT_TYPE:PRODUCT_DEFECT:3");
        chinese.presence("AVAILABLE");
        english.presence("AVAILABLE");

        long ticket = fx.open(fx.customer("en", null), "EMAIL", "teamId", team, "complaintType", "PRODUCT_DEFECT");

        assertThat(fx.assignee(ticket)).isEqualTo(english.id());
        assertThat(fx.notices(ticket)).anySatisfy(n ->
                assertThat(n.subList(0, 5)).containsExactly("routing.assigned.reason", "Lily", "en, PRODUCT_DEFECT", "0", "3"));
        JsonNode log = fx.assignments(ticket);
        assertThat(log).hasSize(1);
        assertThat(log.get(0).get("agentId").asLong()).isEqualTo(english.id());
        assertThat(log.get(0).get("strategy").asString()).isEqualTo("SKILLS_AND_LOAD");
        assertThat(log.get(0).get("reason").asString()).contains("skills: en, PRODUCT_DEFECT").contains("load 0/3");

        long chineseTicket = fx.open(fx.customer("zh-CN", null), "EMAIL", "teamId", team);
        assertThat(fx.assignee(chineseTicket)).isEqualTo(chinese.id());
    }

    @Test
    void anAngryCustomerGoesToTheSeniorAgentAsAVipDoes() {
        long department = fx.department();
        long team = fx.team(department);
        fx.strategy(team, "SKILLS_AND_LOAD");
        AgentRef senior = fx.agent("老李", department, team, 5, "LANGUAGE:zh-CN:4", "PRODUCT:X1:1");
        AgentRef junior = fx.agent("小张", department, team, 5, "LANGUAGE:zh-CN:3", "PRODUCT:X1:3");
        senior.presence("AVAILABLE");
        junior.presence("AVAILABLE");
        long customer = fx.customer("zh-CN", null);

        long calm = fx.open(customer, "EMAIL", "teamId", team, "productRef", "X1");
        assertThat(fx.assignee(calm)).as("more matching skill wins a calm ticket").isEqualTo(junior.id());

        long angry = fx.open(customer, "EMAIL", "teamId", team, "productRef", "X1",
                "description", "等了半个月还没修好！！！再不处理我就投诉到12315！");
        assertThat(fx.assignee(angry)).as("an angry customer gets the senior agent").isEqualTo(senior.id());
        assertThat(fx.notices(angry)).anySatisfy(n -> assertThat(n.getFirst()).isEqualTo("routing.assigned.senior"));
    }

    @Test
    void aFullAgentIsSkippedAndNobodyGoesOverTheirMaximum() {
        long department = fx.department();
        long team = fx.team(department);
        fx.strategy(team, "SKILLS_AND_LOAD");
        AgentRef expert = fx.agent("专家", department, team, 1, "LANGUAGE:zh-CN:5");
        AgentRef junior = fx.agent("新人", department, team, 2, "LANGUAGE:zh-CN:2");
        expert.presence("AVAILABLE");
        junior.presence("AVAILABLE");
        long customer = fx.customer("zh-CN", null);

        List<Long> tickets = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            tickets.add(fx.open(customer, "EMAIL", "teamId", team));
        }

        assertThat(fx.assignee(tickets.get(0))).isEqualTo(expert.id());
        assertThat(fx.assignee(tickets.get(1))).isEqualTo(junior.id());
        assertThat(fx.assignee(tickets.get(2))).isEqualTo(junior.id());
        assertThat(fx.assignee(tickets.get(3))).as("everyone is full: it waits").isNull();
        assertThat(queue(team).get("waiting").asLong()).isEqualTo(1);
    }

    @Test
    void withNobodyAvailableTheTicketWaitsAndGoesToTheFirstAgentWhoBecomesAvailable() {
        long department = fx.department();
        long team = fx.team(department);
        fx.strategy(team, "SKILLS_AND_LOAD");
        AgentRef agent = fx.agent("晚班", department, team, 5, "LANGUAGE:zh-CN:3");

        long ticket = fx.open(fx.customer("zh-CN", null), "PHONE", "teamId", team);
        assertThat(fx.assignee(ticket)).isNull();
        JsonNode queue = queue(team);
        assertThat(queue.get("waiting").asLong()).isEqualTo(1);
        assertThat(queue.get("oldestWaitingSince").isNull()).isFalse();
        assertThat(queue.get("availableAgents").asInt()).isZero();

        agent.presence("AVAILABLE");

        assertThat(fx.assignee(ticket)).isEqualTo(agent.id());
        assertThat(queue(team).get("waiting").asLong()).isZero();
    }

    @Test
    void resolvingATicketFreesTheSlotForTheNextOneInPriorityOrder() {
        long department = fx.department();
        long team = fx.team(department);
        fx.strategy(team, "ROUND_ROBIN");
        AgentRef agent = fx.agent("单线", department, team, 1);
        agent.presence("AVAILABLE");
        long customer = fx.customer("zh-CN", null);
        long first = fx.open(customer, "EMAIL", "teamId", team);
        long lowPriority = fx.open(customer, "EMAIL", "teamId", team, "priority", "P4");
        long urgent = fx.open(customer, "EMAIL", "teamId", team, "priority", "P1");
        assertThat(fx.assignee(first)).isEqualTo(agent.id());
        assertThat(fx.assignee(urgent)).isNull();

        Api.Response resolved = admin.put("/api/v1/tickets/" + first + "/status", Map.of("status", "RESOLVED"));
        assertThat(resolved.status()).as(resolved.raw()).isEqualTo(200);

        assertThat(fx.assignee(urgent)).as("P1 before the older P4").isEqualTo(agent.id());
        assertThat(fx.assignee(lowPriority)).isNull();
    }

    @Test
    void roundRobinRotatesThroughTheAvailableAgents() {
        long department = fx.department();
        long team = fx.team(department);
        fx.strategy(team, "ROUND_ROBIN");
        List<AgentRef> agents = List.of(fx.agent("甲", department, team, 5), fx.agent("乙", department, team, 5),
                fx.agent("丙", department, team, 5));
        agents.forEach(a -> a.presence("AVAILABLE"));
        long customer = fx.customer("zh-CN", null);

        List<Long> assignees = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            assignees.add(fx.assignee(fx.open(customer, "CHAT", "teamId", team)));
        }

        List<Long> ids = agents.stream().map(AgentRef::id).toList();
        assertThat(assignees.subList(0, 3)).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(assignees.subList(3, 6)).as("the same rotation again").isEqualTo(assignees.subList(0, 3));
    }

    @Test
    void aManualTeamLeavesTheTicketInTheQueue() {
        long department = fx.department();
        long team = fx.team(department);
        AgentRef agent = fx.agent("手动", department, team, 5, "LANGUAGE:zh-CN:5");
        agent.presence("AVAILABLE");

        long ticket = fx.open(fx.customer("zh-CN", null), "EMAIL", "teamId", team);

        assertThat(fx.assignee(ticket)).isNull();
        JsonNode queue = queue(team);
        assertThat(queue.get("strategy").asString()).isEqualTo("MANUAL");
        assertThat(queue.get("waiting").asLong()).isEqualTo(1);
        assertThat(queue.get("availableAgents").asInt()).isEqualTo(1);
        assertThat(fx.assignments(ticket)).isEmpty();
    }

    @Test
    void ticketsOpenedAtTheSameInstantNeverFillMoreThanTheLastFreeSlots() throws Exception {
        long department = fx.department();
        long team = fx.team(department);
        fx.strategy(team, "SKILLS_AND_LOAD");
        AgentRef agent = fx.agent("并发", department, team, 2);
        agent.presence("AVAILABLE");
        long customer = fx.customer("zh-CN", null);

        List<java.util.concurrent.Callable<Long>> opens = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            opens.add(() -> fx.open(customer, "EMAIL", "teamId", team));
        }
        List<Long> tickets = together(opens);
        assertThat(tickets).hasSize(8).doesNotHaveDuplicates();
        assertThat(tickets.stream().filter(t -> agent.id() == orZero(fx.assignee(t))).count()).isEqualTo(2);

        Api.Response raised = admin.patch("/api/v1/agents/" + agent.id(), Map.of("maxLoad", 3));
        assertThat(raised.status()).as(raised.raw()).isEqualTo(200);
        List<Long> waiting = tickets.stream().filter(t -> fx.assignee(t) == null).toList();
        assertThat(waiting).hasSize(6);
        List<java.util.concurrent.Callable<Long>> assigns = new ArrayList<>();
        for (Long t : waiting) {
            assigns.add(() -> assigning.assign(t) == Assigning.Outcome.ASSIGNED ? 1L : 0L);
        }
        assertThat(together(assigns).stream().mapToLong(Long::longValue).sum()).as("one free slot, one winner").isEqualTo(1);
        assertThat(tickets.stream().filter(t -> agent.id() == orZero(fx.assignee(t))).count()).isEqualTo(3);
        assertThat(sweep.sweep()).as("nothing left that fits").isZero();
    }

    @Test
    void rulesAreAdminOnlyAndBadInputNamesTheField() {
        long department = fx.department();
        long team = fx.team(department);
        AgentRef agent = fx.agent("坐席", department, team, 5);
        assertThat(agent.api().get("/api/v1/routing/rules").status()).isEqualTo(403);
        assertThat(agent.api().put("/api/v1/routing/teams/" + team, Map.of("strategy", "ROUND_ROBIN")).status()).isEqualTo(403);
        assertThat(agent.api().get("/api/v1/routing/queues").status()).isEqualTo(200);

        Api.Response noTarget = admin.post("/api/v1/routing/rules", Map.of("name", RoutingFixtures.unique("r")));
        assertThat(noTarget.status()).isEqualTo(400);
        assertThat(noTarget.raw()).contains("teamId");
        Api.Response badChannel = admin.post("/api/v1/routing/rules",
                Map.of("name", RoutingFixtures.unique("r"), "channel", "FAX", "teamId", team));
        assertThat(badChannel.status()).isEqualTo(400);
        assertThat(badChannel.raw()).contains("channel");
        Api.Response wrongDepartment = admin.post("/api/v1/routing/rules",
                Map.of("name", RoutingFixtures.unique("r"), "departmentId", fx.department(), "teamId", team));
        assertThat(wrongDepartment.status()).isEqualTo(400);
        assertThat(wrongDepartment.raw()).contains("teamId");
        Api.Response badStrategy = admin.put("/api/v1/routing/teams/" + team, Map.of("strategy", "RANDOM"));
        assertThat(badStrategy.status()).isEqualTo(400);
        assertThat(badStrategy.raw()).contains("strategy");

        long id = fx.rule(Map.of("name", RoutingFixtures.unique("版本"), "teamId", team));
        rules.add(id);
        Map<String, Object> change = new LinkedHashMap<>(Map.of("name", RoutingFixtures.unique("改名"), "teamId", team,
                "version", 0));
        assertThat(admin.put("/api/v1/routing/rules/" + id, change).status()).isEqualTo(200);
        assertThat(admin.put("/api/v1/routing/rules/" + id, change).status()).as("stale version").isEqualTo(409);
    }

    private JsonNode queue(long team) {
        fx.settle();
        Api.Response r = admin.get("/api/v1/routing/queues");
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        for (JsonNode q : r.body()) {
            if (q.get("teamId").asLong() == team) {
                return q;
            }
        }
        throw new AssertionError("no queue for team " + team + " in " + r.raw());
    }

    private static long orZero(Long id) {
        return id == null ? 0 : id;
    }

    /** Runs the tasks on their own threads, released at the same instant; returns their results in order. */
    private static List<Long> together(List<java.util.concurrent.Callable<Long>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            CountDownLatch ready = new CountDownLatch(tasks.size());
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Long>> futures = new ArrayList<>();
            for (java.util.concurrent.Callable<Long> task : tasks) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    start.await();
                    return task.call();
                }));
            }
            ready.await();
            start.countDown();
            List<Long> result = new ArrayList<>();
            for (Future<Long> f : futures) {
                result.add(f.get());
            }
            return result;
        } finally {
            pool.shutdownNow();
        }
    }
}
