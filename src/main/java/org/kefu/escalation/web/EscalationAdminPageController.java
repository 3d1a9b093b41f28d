package org.kefu.escalation.web;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.kefu.agent.Agent;
import org.kefu.agent.AgentDirectory;
import org.kefu.agent.Department;
import org.kefu.agent.Team;
import org.kefu.customer.CustomerTier;
import org.kefu.customer.CustomerTiers;
import org.kefu.escalation.EscalationRule;
import org.kefu.escalation.EscalationRuleInput;
import org.kefu.escalation.EscalationTrigger;
import org.kefu.escalation.ManagingEscalationRules;
import org.kefu.platform.Actor;
import org.kefu.platform.Channel;
import org.kefu.platform.InvalidRequestException;
import org.kefu.platform.Role;
import org.kefu.ticket.Priority;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin page for escalation rules: list, create, edit, switch on/off, delete. ADMIN only, like the API. */
@Controller
class EscalationAdminPageController {

    private final ManagingEscalationRules rules;
    private final AgentDirectory directory;
    private final CustomerTiers tiers;

    EscalationAdminPageController(ManagingEscalationRules rules, AgentDirectory directory, CustomerTiers tiers) {
        this.rules = rules;
        this.directory = directory;
        this.tiers = tiers;
    }

    @GetMapping("/admin/escalation")
    @Transactional(readOnly = true)
    String page(Actor actor, Model model) {
        actor.requireRole(Role.ADMIN);
        return pageModel(model);
    }

    @PostMapping("/admin/escalation")
    String create(@RequestParam MultiValueMap<String, String> form, Actor actor, Model model, RedirectAttributes redirect) {
        actor.requireRole(Role.ADMIN);
        try {
            rules.create(input(form, null));
            redirect.addFlashAttribute("created", true);
            return "redirect:/admin/escalation";
        } catch (InvalidRequestException e) {
            model.addAttribute("problems", e.problems());
            model.addAttribute("form", form.toSingleValueMap());
            return pageModel(model);
        }
    }

    @GetMapping("/admin/escalation/{id}/edit")
    @Transactional(readOnly = true)
    String edit(@PathVariable long id, Actor actor, Model model) {
        actor.requireRole(Role.ADMIN);
        EscalationRule rule = rules.get(id);
        model.addAttribute("editing", rule);
        model.addAttribute("form", formOf(rule).toSingleValueMap());
        return pageModel(model);
    }

    /** Saves an edited rule; a rule changed meanwhile by someone else is refused (409), like the API's PUT. */
    @PostMapping("/admin/escalation/{id}")
    String update(@PathVariable long id, @RequestParam MultiValueMap<String, String> form, Actor actor, Model model,
            RedirectAttributes redirect) {
        actor.requireRole(Role.ADMIN);
        EscalationRule rule = rules.get(id);
        try {
            rules.replace(id, input(form, rule.active()), number(form, "version"));
            redirect.addFlashAttribute("saved", true);
            return "redirect:/admin/escalation";
        } catch (InvalidRequestException e) {
            model.addAttribute("problems", e.problems());
            model.addAttribute("form", form.toSingleValueMap());
            model.addAttribute("editing", rule);
            return pageModel(model);
        }
    }

    @PostMapping("/admin/escalation/{id}/active")
    String toggle(@PathVariable long id, @RequestParam boolean active, Actor actor) {
        actor.requireRole(Role.ADMIN);
        EscalationRule rule = rules.get(id);
        rules.replace(id, input(formOf(rule), active), rule.version());
        return "redirect:/admin/escalation";
    }

    @PostMapping("/admin/escalation/{id}/delete")
    String delete(@PathVariable long id, Actor actor) {
        actor.requireRole(Role.ADMIN);
        rules.delete(id);
        return "redirect:/admin/escalation";
    }

    /** The rule as the page's form fields, so editing and switching on/off go through the same input as creating. */
    private static MultiValueMap<String, String> formOf(EscalationRule r) {
        EscalationRule.Conditions c = r.conditions();
        EscalationRule.Actions a = r.actions();
        LinkedMultiValueMap<String, String> f = new LinkedMultiValueMap<>();
        put(f, "name", r.name());
        put(f, "trigger", r.trigger().name());
        put(f, "threshold", r.threshold());
        put(f, "minPriority", r.minPriority() == null ? null : r.minPriority().name());
        put(f, "priority", c.priority() == null ? null : c.priority().name());
        put(f, "channel", c.channel() == null ? null : c.channel().name());
        put(f, "departmentId", c.departmentId());
        put(f, "teamId", c.teamId());
        put(f, "tier", c.tier());
        put(f, "notifyAssignee", a.notifyAssignee() ? "on" : null);
        put(f, "notifyTeam", a.notifyTeam() ? "on" : null);
        put(f, "notifySupervisors", a.notifySupervisors() ? "on" : null);
        put(f, "notifyAgentId", a.notifyAgentId());
        put(f, "notifyEmail", a.notifyEmail() ? "on" : null);
        put(f, "raisePriority", a.raisePriority());
        put(f, "reassignTeamId", a.reassignTeamId());
        put(f, "reassignSupervisor", a.reassignSupervisor() ? "on" : null);
        put(f, "addTag", a.addTag());
        put(f, "version", r.version());
        return f;
    }

    private static void put(MultiValueMap<String, String> form, String field, Object value) {
        if (value != null) {
            form.add(field, String.valueOf(value));
        }
    }

    private static EscalationRuleInput input(MultiValueMap<String, String> f, Boolean active) {
        return new EscalationRuleInput(f.getFirst("name"), active, f.getFirst("trigger"), integer(f, "threshold"),
                f.getFirst("minPriority"), f.getFirst("priority"), f.getFirst("channel"), number(f, "departmentId"),
                number(f, "teamId"), f.getFirst("tier"), f.containsKey("notifyAssignee"), f.containsKey("notifyTeam"),
                f.containsKey("notifySupervisors"), number(f, "notifyAgentId"), f.containsKey("notifyEmail"),
                f.getFirst("raisePriority"), number(f, "reassignTeamId"), f.containsKey("reassignSupervisor"), f.getFirst("addTag"));
    }

    private static Integer integer(MultiValueMap<String, String> f, String field) {
        Long n = number(f, field);
        return n == null ? null : Math.toIntExact(Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, n)));
    }

    private static Long number(MultiValueMap<String, String> f, String field) {
        String v = f.getFirst(field);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            throw InvalidRequestException.of(field, "'" + v + "' is not a number");
        }
    }

    private String pageModel(Model model) {
        model.addAttribute("navSection", "admin");
        model.addAttribute("rules", rules.list());
        model.addAttribute("triggers", EscalationTrigger.values());
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("channels", Channel.values());
        List<Department> departments = directory.departments();
        List<Team> teams = directory.teams();
        List<Agent> agents = directory.agents().stream().filter(Agent::isActive).toList();
        model.addAttribute("departments", departments);
        model.addAttribute("teams", teams);
        model.addAttribute("agents", agents);
        model.addAttribute("tiers", tiers.findAllByOrderByRankDesc().stream().map(CustomerTier::getCode).toList());
        model.addAttribute("departmentNames", departments.stream().collect(Collectors.toMap(Department::getId, Department::getName)));
        model.addAttribute("teamNames", teams.stream().collect(Collectors.toMap(Team::getId, Team::getName)));
        model.addAttribute("agentNames", agents.stream().collect(Collectors.toMap(Agent::getId, Agent::getDisplayName,
                (x, y) -> x)));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of("notifyEmail", "on"));
        }
        return "escalation/rules";
    }
}
