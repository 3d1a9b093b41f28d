package org.kefu.escalation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.kefu.escalation.EscalationFiring;
import org.kefu.escalation.EscalationRule;
import org.kefu.escalation.EscalationRuleInput;
import org.kefu.escalation.ManagingEscalationRules;
import org.kefu.platform.Actor;
import org.kefu.platform.Role;
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
@Tag(name = "Escalation rules", description = "When escalations fire (SLA warning/breach, unassigned, VIP second contact) and what they do")
class EscalationRuleApiController {

    private final ManagingEscalationRules rules;
    private final TicketWork tickets;

    EscalationRuleApiController(ManagingEscalationRules rules, TicketWork tickets) {
        this.rules = rules;
        this.tickets = tickets;
    }

    /** A rule as written; same fields as {@link EscalationRuleInput} plus version for optimistic locking. */
    record RuleRequest(String name, Boolean active, String trigger, Integer threshold, String minPriority, String priority,
                       String channel, Long departmentId, Long teamId, String tier, Boolean notifyAssignee,
                       Boolean notifyTeam, Boolean notifySupervisors, Long notifyAgentId, Boolean notifyEmail,
                       String raisePriority, Long reassignTeamId, Boolean reassignSupervisor, String addTag, Long version) {

        EscalationRuleInput input() {
            return new EscalationRuleInput(name, active, trigger, threshold, minPriority, priority, channel, departmentId,
                    teamId, tier, notifyAssignee, notifyTeam, notifySupervisors, notifyAgentId, notifyEmail, raisePriority,
                    reassignTeamId, reassignSupervisor, addTag);
        }
    }

    @GetMapping("/api/v1/escalation/rules")
    @Operation(summary = "List escalation rules (admin)")
    List<EscalationRule> list(Actor actor) {
        actor.requireRole(Role.ADMIN);
        return rules.list();
    }

    @GetMapping("/api/v1/escalation/rules/{id}")
    @Operation(summary = "One escalation rule (admin)")
    EscalationRule get(@PathVariable long id, Actor actor) {
        actor.requireRole(Role.ADMIN);
        return rules.get(id);
    }

    @PostMapping("/api/v1/escalation/rules")
    @Operation(summary = "Create an escalation rule (admin). trigger: SLA_WARNING, SLA_BREACHED, UNASSIGNED (threshold = "
            + "minutes, minPriority), VIP_SECOND_CONTACT (threshold = days). Conditions left null match any ticket; "
            + "at least one action: notify*, raisePriority (ONE_STEP or P1..P4), reassignTeamId or reassignSupervisor, addTag")
    ResponseEntity<EscalationRule> create(@RequestBody RuleRequest body, Actor actor) {
        actor.requireRole(Role.ADMIN);
        EscalationRule created = rules.create(body.input());
        return ResponseEntity.created(URI.create("/api/v1/escalation/rules/" + created.id())).body(created);
    }

    @PutMapping("/api/v1/escalation/rules/{id}")
    @Operation(summary = "Replace an escalation rule (admin); give the version you read (409 if it changed meanwhile)")
    EscalationRule replace(@PathVariable long id, @RequestBody RuleRequest body, Actor actor) {
        actor.requireRole(Role.ADMIN);
        return rules.replace(id, body.input(), body.version());
    }

    @DeleteMapping("/api/v1/escalation/rules/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete an escalation rule and its firing log (admin)")
    void delete(@PathVariable long id, Actor actor) {
        actor.requireRole(Role.ADMIN);
        rules.delete(id);
    }

    @GetMapping("/api/v1/tickets/{id}/escalations")
    @Operation(summary = "Escalations that fired on a ticket, oldest first (anyone who may see the ticket)")
    List<EscalationFiring> firings(@PathVariable long id, Actor actor) {
        tickets.get(id, actor);
        return rules.firingsOf(id);
    }
}
