package org.kefu.routing.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.kefu.platform.Actor;
import org.kefu.platform.InvalidRequestException;
import org.kefu.platform.Role;
import org.kefu.routing.AssignmentRecord;
import org.kefu.routing.ManagingRouting;
import org.kefu.routing.RoutingRule;
import org.kefu.routing.RoutingRuleInput;
import org.kefu.routing.RoutingSource;
import org.kefu.routing.TeamQueue;
import org.kefu.routing.TeamRouting;
import org.kefu.routing.TeamStrategy;
import org.kefu.ticket.TicketWork;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Routing", description = "Routing rules, team assignment strategies, team queues and why tickets went to whom")
class RoutingApiController {

    private final ManagingRouting routing;
    private final TicketWork work;

    RoutingApiController(ManagingRouting routing, TicketWork work) {
        this.routing = routing;
        this.work = work;
    }

    record RuleView(long id, String name, int position, boolean active, String channel, String source,
                    String complaintType, String product, String language, String tier, Long departmentId, Long teamId,
                    long version) {

        static RuleView of(RoutingRule r) {
            RoutingRule.Conditions c = r.conditions();
            return new RuleView(r.id(), r.name(), r.position(), r.active(), c.channel(), c.source(), c.complaintType(),
                    c.product(),
                    c.language(), c.tier(), r.departmentId(), r.teamId(), r.version());
        }
    }

    record RuleRequest(String name, Integer position, Boolean active, String channel, String source,
                       String complaintType, String product, String language, String tier, Long departmentId, Long teamId,
                       Long version) {

        RoutingRuleInput input() {
            return new RoutingRuleInput(name, position, active, channel, source, complaintType, product, language, tier,
                    departmentId, teamId);
        }
    }

    record StrategyRequest(String strategy) {

        TeamStrategy parsed() {
            try {
                return TeamStrategy.valueOf(strategy == null ? "" : strategy.strip());
            } catch (IllegalArgumentException e) {
                throw InvalidRequestException.of("strategy", "must be MANUAL, ROUND_ROBIN or SKILLS_AND_LOAD");
            }
        }
    }

    record QueueView(long teamId, String teamName, String departmentName, TeamStrategy strategy, long waiting,
                     Instant oldestWaitingSince, int members, int availableAgents) {

        static QueueView of(TeamQueue q) {
            return new QueueView(q.teamId(), q.teamName(), q.departmentName(), q.strategy(), q.waiting(),
                    q.oldestWaitingSince(), q.members(), q.availableAgents());
        }
    }

    @GetMapping("/api/v1/routing/rules")
    @Operation(summary = "List routing rules in the order they are tried (first match wins; admin)")
    List<RuleView> rules(Actor actor) {
        actor.requireRole(Role.ADMIN);
        return routing.rules().stream().map(RuleView::of).toList();
    }

    @GetMapping("/api/v1/routing/rules/{id}")
    @Operation(summary = "One routing rule (admin)")
    RuleView rule(@PathVariable long id, Actor actor) {
        actor.requireRole(Role.ADMIN);
        return RuleView.of(routing.rule(id));
    }

    @PostMapping("/api/v1/routing/rules")
    @Operation(summary = "Create a routing rule (admin). Conditions left null match anything (channel, source = a "
            + "mailbox/chat/webhook channel id from /api/v1/routing/sources, complaintType, "
            + "product = the ticket's productRef, language = the customer's preferred language, tier); the action is a "
            + "departmentId and/or teamId; position orders the rules")
    ResponseEntity<RuleView> create(@RequestBody RuleRequest body, Actor actor) {
        actor.requireRole(Role.ADMIN);
        RuleView view = RuleView.of(routing.createRule(body.input()));
        return ResponseEntity.created(URI.create("/api/v1/routing/rules/" + view.id())).body(view);
    }

    @PutMapping("/api/v1/routing/rules/{id}")
    @Operation(summary = "Replace a routing rule (admin); give the version you read, a stale one gets 409")
    RuleView replace(@PathVariable long id, @RequestBody RuleRequest body, Actor actor) {
        actor.requireRole(Role.ADMIN);
        return RuleView.of(routing.replaceRule(id, body.input(), body.version()));
    }

    @DeleteMapping("/api/v1/routing/rules/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a routing rule (admin); tickets already routed stay where they are")
    void delete(@PathVariable long id, Actor actor) {
        actor.requireRole(Role.ADMIN);
        routing.deleteRule(id);
    }

    @GetMapping("/api/v1/routing/sources")
    @Operation(summary = "The sources a rule can name with its channel (admin): each mailbox (EMAIL, source = mailbox "
            + "id), chat channel (CHAT, source = chat channel id) and webhook channel (SOCIAL, source = webhook channel id)")
    List<RoutingSource> sources(Actor actor) {
        actor.requireRole(Role.ADMIN);
        return routing.sources();
    }

    @GetMapping("/api/v1/routing/teams")
    @Operation(summary = "Every team's assignment strategy: MANUAL (agents pull from the queue), ROUND_ROBIN or "
            + "SKILLS_AND_LOAD (admin)")
    List<TeamRouting> teams(Actor actor) {
        actor.requireRole(Role.ADMIN);
        return routing.teams();
    }

    @PutMapping("/api/v1/routing/teams/{teamId}")
    @Operation(summary = "Set a team's assignment strategy (admin); an automatic one hands out the waiting tickets at once")
    TeamRouting strategy(@PathVariable long teamId, @RequestBody StrategyRequest body, Actor actor) {
        actor.requireRole(Role.ADMIN);
        return routing.changeStrategy(teamId, body.parsed());
    }

    @GetMapping("/api/v1/routing/queues")
    @Operation(summary = "Team queues you may see: waiting (unassigned NEW/OPEN/REOPENED) tickets, the oldest one's "
            + "creation time, members and how many are available with room")
    List<QueueView> queues(Actor actor) {
        return routing.queues(actor).stream().map(QueueView::of).toList();
    }

    @GetMapping("/api/v1/tickets/{id}/assignments")
    @Operation(summary = "The automatic assignments of a ticket and why each agent was chosen (oldest first)")
    List<AssignmentRecord> assignments(@PathVariable long id, Actor actor) {
        work.get(id, actor);
        return routing.assignments(id);
    }
}
