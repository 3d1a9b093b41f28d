package org.kefu.demo;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kefu.agent.Agent;
import org.kefu.agent.AgentDirectory;
import org.kefu.agent.Department;
import org.kefu.agent.NewAgent;
import org.kefu.agent.Skill;
import org.kefu.agent.Team;
import org.kefu.customer.Customer;
import org.kefu.customer.CustomerDirectory;
import org.kefu.customer.NewCustomer;
import org.kefu.platform.Channel;
import org.kefu.platform.Role;
import org.kefu.ticket.Author;
import org.kefu.ticket.NewTicket;
import org.kefu.ticket.Priority;
import org.kefu.ticket.Ticket;
import org.kefu.ticket.TicketIntake;
import org.kefu.ticket.TicketStatus;
import org.kefu.ticket.Tickets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * On a desk without tickets, loads {@code demo/tickets.json}: five departments with teams, a
 * supervisor and agents each, about 60 customers and 200 tickets in every status, with their
 * conversations dated in the past.
 */
@Component
@Order(10)
class DemoData implements ApplicationRunner {

    static final String DEMO_PASSWORD = "kefu-demo-2026";
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private static final Map<String, String[]> DEPARTMENTS = new LinkedHashMap<>();

    static {
        DEPARTMENTS.put("ecommerce", new String[] {"电商客服部", "订单与退换组", "ecommerce.agent"});
        DEPARTMENTS.put("logistics", new String[] {"物流服务部", "快递理赔组", "logistics.agent"});
        DEPARTMENTS.put("banking", new String[] {"银行客服部", "信用卡组", "banking.agent"});
        DEPARTMENTS.put("restaurant", new String[] {"餐饮服务部", "外卖品质组", "restaurant.agent"});
        DEPARTMENTS.put("it", new String[] {"IT 服务台", "一线支持组", "it.agent"});
    }

    private final boolean enabled;
    private final Tickets tickets;
    private final TicketIntake intake;
    private final CustomerDirectory customers;
    private final AgentDirectory agents;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DemoData(@Value("${kefu.demo.enabled:true}") boolean enabled, Tickets tickets, TicketIntake intake,
            CustomerDirectory customers, AgentDirectory agents, TransactionTemplate transactions, Clock clock) {
        this.enabled = enabled;
        this.tickets = tickets;
        this.intake = intake;
        this.customers = customers;
        this.agents = agents;
        this.transactions = transactions;
        this.clock = clock;
    }

    record Dataset(List<CustomerData> customers, List<TicketData> tickets) {
    }

    record CustomerData(String key, String name, List<String> emails, List<String> phones, String tier,
            String organisation, String language, BigDecimal lifetimeValue, List<String> tags, String notes,
            List<NewCustomer.IdentityRef> identities) {
    }

    record TicketData(String customer, String department, Channel channel, String subject, TicketStatus status,
            Priority priority, String complaintType, String confirmedProblem, String demand, Double demandDeadlineHours,
            String productRef, String orderRef, List<String> tags, double ageHours, List<EntryData> timeline) {
    }

    record EntryData(String kind, String body, double afterHours) {
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (!enabled || tickets.count() > 0) {
            return;
        }
        Dataset data;
        try (InputStream in = new ClassPathResource("demo/tickets.json").getInputStream()) {
            data = JsonMapper.builder().build().readValue(in, Dataset.class);
        }
        Instant now = clock.instant();
        Map<String, Long> departmentIds = new HashMap<>();
        Map<String, Agent> agentsByDepartment = new HashMap<>();
        transactions.executeWithoutResult(status -> createOrganisation(departmentIds, agentsByDepartment));
        Map<String, Long> customerIds = new HashMap<>();
        transactions.executeWithoutResult(status -> data.customers().forEach(c -> customerIds.put(c.key(),
                customers.create(new NewCustomer(c.name(), c.emails(), c.phones(), c.identities(), c.tier(),
                        c.organisation(), c.language(), c.lifetimeValue(), c.tags(), c.notes())).getId())));
        for (TicketData t : data.tickets()) {
            transactions.executeWithoutResult(status -> load(t, now, departmentIds, agentsByDepartment, customerIds));
        }
        log.info("Demo data loaded: {} customers, {} tickets. Demo agents sign in with the password '{}'.",
                data.customers().size(), data.tickets().size(), DEMO_PASSWORD);
    }

    private void createOrganisation(Map<String, Long> departmentIds, Map<String, Agent> agentsByDepartment) {
        List<Long> all = new java.util.ArrayList<>();
        List<Long> teams = new java.util.ArrayList<>();
        for (Map.Entry<String, String[]> e : DEPARTMENTS.entrySet()) {
            Department department = agents.createDepartment(e.getKey(), e.getValue()[0], false);
            Team team = agents.createTeam(e.getValue()[1], department.getId());
            departmentIds.put(e.getKey(), department.getId());
            all.add(department.getId());
            teams.add(team.getId());
            Agent agent = agents.create(new NewAgent(e.getValue()[2] + "@demo.kefu.local", agentName(e.getKey()), Role.AGENT,
                    DEMO_PASSWORD, 8, "zh-CN", "Asia/Shanghai", List.of(department.getId()), List.of(team.getId()),
                    List.of(new Skill(Skill.Kind.LANGUAGE, "zh-CN", 5), new Skill(Skill.Kind.LANGUAGE, "en", 3))), null);
            agentsByDepartment.put(e.getKey(), agent);
        }
        agents.create(new NewAgent("supervisor@demo.kefu.local", "陈主管", Role.SUPERVISOR, DEMO_PASSWORD, 5, "zh-CN",
                "Asia/Shanghai", all, teams, List.of()), null);
        agents.create(new NewAgent("agent.hk@demo.kefu.local", "黃嘉欣", Role.AGENT, DEMO_PASSWORD, 10, "zh-TW",
                "Asia/Hong_Kong", List.of(departmentIds.get("restaurant"), departmentIds.get("ecommerce")), List.of(),
                List.of(new Skill(Skill.Kind.LANGUAGE, "zh-TW", 5))), null);
        agents.create(new NewAgent("agent.en@demo.kefu.local", "Emma Clarke", Role.AGENT, DEMO_PASSWORD, 10, "en",
                "Europe/London", List.of(departmentIds.get("ecommerce"), departmentIds.get("it")), List.of(),
                List.of(new Skill(Skill.Kind.LANGUAGE, "en", 5))), null);
    }

    private static String agentName(String department) {
        return switch (department) {
            case "ecommerce" -> "李娜";
            case "logistics" -> "王强";
            case "banking" -> "刘洋";
            case "restaurant" -> "张敏";
            default -> "赵磊";
        };
    }

    private void load(TicketData t, Instant now, Map<String, Long> departmentIds, Map<String, Agent> agentsByDepartment,
            Map<String, Long> customerIds) {
        Instant created = now.minus(hours(t.ageHours()));
        Long departmentId = departmentIds.get(t.department());
        Agent agent = agentsByDepartment.get(t.department());
        boolean assigned = t.status() != TicketStatus.NEW;
        Instant deadline = t.demandDeadlineHours() == null ? null : created.plus(hours(t.demandDeadlineHours()));
        EntryData first = t.timeline().getFirst();
        Ticket ticket = intake.open(new NewTicket(t.subject(), first.body(), t.channel(), customerIds.get(t.customer()), null,
                t.priority(), t.complaintType(), t.confirmedProblem(), t.demand(), deadline, t.productRef(), t.orderRef(),
                t.tags(), Map.of(), departmentId, null, assigned ? agent.getId() : null),
                Author.customer(customerIds.get(t.customer()), null), created);
        Author agentAuthor = new Author(Author.Type.AGENT, agent.getId(), agent.getDisplayName());
        Instant last = created;
        for (EntryData entry : t.timeline().subList(1, t.timeline().size())) {
            Instant at = created.plus(hours(entry.afterHours()));
            last = at;
            switch (entry.kind()) {
                case "CUSTOMER" -> {
                    if (ticket.getStatus() != TicketStatus.CLOSED) {
                        ticket.receiveCustomerMessage(entry.body(), t.channel(), at);
                    }
                }
                case "REPLY" -> ticket.reply(entry.body(), agentAuthor, at);
                default -> ticket.note(entry.body(), agentAuthor, at);
            }
        }
        Instant at = last.plus(Duration.ofMinutes(5));
        for (TicketStatus step : path(ticket.getStatus(), t.status())) {
            ticket.changeStatus(step, agentAuthor, at);
            at = at.plus(Duration.ofMinutes(1));
        }
    }

    /** The shortest sequence of allowed moves from one status to another. */
    static List<TicketStatus> path(TicketStatus from, TicketStatus to) {
        Map<TicketStatus, TicketStatus> previous = new HashMap<>();
        Deque<TicketStatus> queue = new ArrayDeque<>(List.of(from));
        previous.put(from, from);
        while (!queue.isEmpty()) {
            TicketStatus current = queue.poll();
            if (current == to) {
                break;
            }
            for (TicketStatus next : current.allowedNext()) {
                if (previous.putIfAbsent(next, current) == null) {
                    queue.add(next);
                }
            }
        }
        if (!previous.containsKey(to)) {
            return List.of();
        }
        Deque<TicketStatus> steps = new ArrayDeque<>();
        for (TicketStatus s = to; s != from; s = previous.get(s)) {
            steps.addFirst(s);
        }
        return List.copyOf(steps);
    }

    private static Duration hours(double h) {
        return Duration.ofSeconds(Math.round(h * 3600));
    }
}
