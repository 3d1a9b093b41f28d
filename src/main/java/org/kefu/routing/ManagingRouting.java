package org.kefu.routing;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.kefu.agent.AgentDirectory;
import org.kefu.agent.Team;
import org.kefu.platform.Actor;
import org.kefu.platform.ConflictException;
import org.kefu.platform.InvalidRequestException;
import org.kefu.platform.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Routing as admins and supervisors see it: the ordered rules, each team's strategy, the team queues
 * and the assignment log. Callers check roles (admins change rules and strategies); rule changes
 * apply to tickets opened afterwards.
 */
@Service
public class ManagingRouting {

    private final RoutingRules rules;
    private final TeamStrategies strategies;
    private final TeamQueues queues;
    private final TeamMembers members;
    private final AssignmentLog assignmentLog;
    private final Assigning assigning;
    private final AgentDirectory agents;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final List<RoutingSources> sources;

    ManagingRouting(RoutingRules rules, TeamStrategies strategies, TeamQueues queues, TeamMembers members,
                    AssignmentLog assignmentLog, Assigning assigning, AgentDirectory agents,
                    PlatformTransactionManager transactionManager, Clock clock, List<RoutingSources> sources) {
        this.sources = List.copyOf(sources);
        this.rules = rules;
        this.strategies = strategies;
        this.queues = queues;
        this.members = members;
        this.assignmentLog = assignmentLog;
        this.assigning = assigning;
        this.agents = agents;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    public List<RoutingRule> rules() {
        return rules.ordered();
    }

    public RoutingRule rule(long id) {
        return rules.find(id).orElseThrow(() -> new NotFoundException("Routing rule", id));
    }

    public RoutingRule createRule(RoutingRuleInput input) {
        return transactions.execute(tx -> {
            RoutingRule rule = checked(input.validate(null, 0), null);
            return rule(rules.insert(rule, clock.instant()));
        });
    }

    public RoutingRule replaceRule(long id, RoutingRuleInput input, Long expectedVersion) {
        return transactions.execute(tx -> {
            RoutingRule current = rule(id);
            RoutingRule rule = checked(input.validate(id, current.version()), id);
            if (!rules.update(id, rule, expectedVersion == null ? current.version() : expectedVersion, clock.instant())) {
                throw new ConflictException("Routing rule " + id + " was changed by someone else; reload it and try again.",
                        Map.of("currentVersion", current.version()));
            }
            return rule(id);
        });
    }

    public void deleteRule(long id) {
        transactions.executeWithoutResult(tx -> {
            rule(id);
            rules.delete(id);
        });
    }

    /** Every mailbox, chat and webhook channel a rule can name, by channel then name. */
    public List<RoutingSource> sources() {
        return sources.stream().flatMap(s -> s.routingSources().stream())
                .sorted(java.util.Comparator.comparing(RoutingSource::channel)
                        .thenComparing(RoutingSource::label, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    public List<TeamRouting> teams() {
        Map<Long, TeamStrategy> all = strategies.all();
        return agents.teams().stream().map(t -> routing(t, all.getOrDefault(t.getId(), TeamStrategy.MANUAL))).toList();
    }

    public TeamRouting team(long teamId) {
        return routing(agents.team(teamId), strategies.of(teamId));
    }

    /** Sets a team's strategy; an automatic one starts handing out the team's waiting tickets at once. */
    public TeamRouting changeStrategy(long teamId, TeamStrategy strategy) {
        if (strategy == null) {
            throw InvalidRequestException.of("strategy", "must be MANUAL, ROUND_ROBIN or SKILLS_AND_LOAD");
        }
        Team team = agents.team(teamId);
        transactions.executeWithoutResult(tx -> strategies.set(teamId, strategy, clock.instant()));
        if (strategy.automatic()) {
            assigning.drain(teamId);
        }
        return routing(team, strategy);
    }

    /**
     * The queues of the teams the actor may see: admins all teams; others the teams of their
     * departments and their own teams.
     */
    public List<TeamQueue> queues(Actor actor) {
        List<Team> visible = agents.teams().stream()
                .filter(t -> actor.isAdmin() || actor.teamIds().contains(t.getId())
                        || actor.departmentIds().contains(t.getDepartment().getId()))
                .toList();
        Map<Long, TeamQueues.Waiting> waiting = queues.waiting(visible.stream().map(Team::getId).toList());
        Map<Long, TeamStrategy> all = strategies.all();
        List<TeamQueue> result = new ArrayList<>(visible.size());
        for (Team t : visible) {
            List<AgentSnapshot> team = members.of(t.getId());
            TeamQueues.Waiting w = waiting.get(t.getId());
            result.add(new TeamQueue(t.getId(), t.getName(), t.getDepartment().getName(),
                    all.getOrDefault(t.getId(), TeamStrategy.MANUAL), w == null ? 0 : w.count(), w == null ? null : w.oldest(),
                    team.size(), (int) team.stream().filter(AgentSnapshot::canTakeWork).count()));
        }
        return result;
    }

    /** The automatic assignments of a ticket, oldest first. The caller checks the reader may see the ticket. */
    public List<AssignmentRecord> assignments(long ticketId) {
        return assignmentLog.ofTicket(ticketId);
    }

    /** Hands out the waiting tickets of every automatic team now (what the periodic sweep does). */
    public int assignWaiting() {
        int assigned = 0;
        for (Long teamId : strategies.automaticTeams()) {
            assigned += assigning.drain(teamId);
        }
        return assigned;
    }

    private RoutingRule checked(RoutingRule rule, Long id) {
        if (rules.nameTaken(rule.name(), id)) {
            throw InvalidRequestException.of("name", "another rule is already called '" + rule.name() + "'");
        }
        RoutingRule.Conditions c = rule.conditions();
        if (c.source() != null && sources().stream()
                .noneMatch(s -> s.channel().equals(c.channel()) && s.source().equals(c.source()))) {
            throw InvalidRequestException.of("source", "no " + c.channel() + " source '" + c.source()
                    + "' (a mailbox id for EMAIL, a chat channel id for CHAT, a webhook channel id for SOCIAL)");
        }
        Long department = rule.departmentId();
        if (department != null) {
            try {
                agents.department(department);
            } catch (NotFoundException e) {
                throw InvalidRequestException.of("departmentId", "no department " + department);
            }
        }
        if (rule.teamId() != null) {
            Team team;
            try {
                team = agents.team(rule.teamId());
            } catch (NotFoundException e) {
                throw InvalidRequestException.of("teamId", "no team " + rule.teamId());
            }
            if (department != null && !team.getDepartment().getId().equals(department)) {
                throw InvalidRequestException.of("teamId", "team " + rule.teamId() + " is not in department " + department);
            }
        }
        return rule;
    }

    private static TeamRouting routing(Team t, TeamStrategy strategy) {
        return new TeamRouting(t.getId(), t.getName(), t.getDepartment().getId(), t.getDepartment().getName(), strategy);
    }
}
