package org.kefu.routing.web;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.kefu.agent.AgentDirectory;
import org.kefu.agent.Department;
import org.kefu.agent.Team;
import org.kefu.customer.CustomerDirectory;
import org.kefu.platform.Actor;
import org.kefu.platform.Channel;
import org.kefu.platform.ConflictException;
import org.kefu.platform.InvalidRequestException;
import org.kefu.platform.Role;
import org.kefu.routing.ManagingRouting;
import org.kefu.routing.RoutingRule;
import org.kefu.routing.RoutingRuleInput;
import org.kefu.routing.RoutingSource;
import org.kefu.routing.TeamStrategy;
import org.kefu.ticket.TicketSettings;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The routing admin page (rules and team strategies, ADMIN only) and the team queue page
 * (supervisors and admins). Same services and checks as {@link RoutingApiController}.
 */
@Controller
class RoutingPageController {

    private final ManagingRouting routing;
    private final AgentDirectory agents;
    private final CustomerDirectory customers;
    private final TicketSettings settings;

    RoutingPageController(ManagingRouting routing, AgentDirectory agents, CustomerDirectory customers,
                          TicketSettings settings) {
        this.routing = routing;
        this.agents = agents;
        this.customers = customers;
        this.settings = settings;
    }

    /** What the rule form shows; for a new rule everything is empty. */
    /** {@code source} is the source list's value {@code CHANNEL:source} (see {@link RoutingSource#formValue()}). */
    record RuleForm(Long id, String name, Integer position, boolean active, String channel, String source,
                    String complaintType, String product, String language, String tier, Long departmentId, Long teamId,
                    long version) {

        static RuleForm empty(int position) {
            return new RuleForm(null, "", position, true, null, null, null, null, null, null, null, null, 0);
        }

        static RuleForm of(RoutingRule r) {
            RoutingRule.Conditions c = r.conditions();
            return new RuleForm(r.id(), r.name(), r.position(), r.active(), c.channel(),
                    c.source() == null ? null : c.channel() + ":" + c.source(), c.complaintType(), c.product(),
                    c.language(), c.tier(), r.departmentId(), r.teamId(), r.version());
        }

        static RuleForm of(Long id, Map<String, String> form, long version) {
            return new RuleForm(id, form.getOrDefault("name", ""), integer(form.get("position")),
                    form.containsKey("active"), form.get("channel"), form.get("source"), form.get("complaintType"),
                    form.get("product"), form.get("language"), form.get("tier"), id(form.get("departmentId")),
                    id(form.get("teamId")), version);
        }

        /** A chosen source brings its channel; a different channel chosen as well is refused by name. */
        RoutingRuleInput input() {
            String ruleChannel = channel;
            String ruleSource = null;
            if (source != null && !source.isBlank()) {
                int colon = source.indexOf(':');
                String sourceChannel = colon < 0 ? "" : source.substring(0, colon);
                ruleSource = colon < 0 ? source : source.substring(colon + 1);
                if (ruleChannel != null && !ruleChannel.isBlank() && !ruleChannel.equalsIgnoreCase(sourceChannel)) {
                    throw InvalidRequestException.of("source", "the source is of channel " + sourceChannel
                            + ", not " + ruleChannel);
                }
                ruleChannel = sourceChannel;
            }
            return new RoutingRuleInput(name, position, active, ruleChannel, ruleSource, complaintType, product, language,
                    tier, departmentId, teamId);
        }

        private static Integer integer(String s) {
            try {
                return s == null || s.isBlank() ? null : Integer.valueOf(s.strip());
            } catch (NumberFormatException e) {
                return -1; // refused by the validation with the field named
            }
        }

        private static Long id(String s) {
            try {
                return s == null || s.isBlank() ? null : Long.valueOf(s.strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }

    @GetMapping("/admin/routing")
    String page(Actor actor, Model model) {
        actor.requireRole(Role.ADMIN);
        List<RoutingRule> rules = routing.rules();
        int next = rules.isEmpty() ? 10 : rules.getLast().position() + 10;
        return page(model, RuleForm.empty(next));
    }

    @PostMapping("/admin/routing/rules")
    String create(@RequestParam Map<String, String> form, Actor actor, Model model, RedirectAttributes redirect) {
        actor.requireRole(Role.ADMIN);
        try {
            routing.createRule(RuleForm.of(null, form, 0).input());
        } catch (InvalidRequestException e) {
            model.addAttribute("problems", e.problems());
            return page(model, RuleForm.of(null, form, 0));
        }
        redirect.addFlashAttribute("saved", "routing.saved");
        return "redirect:/admin/routing";
    }

    @GetMapping("/admin/routing/rules/{id}")
    String edit(@PathVariable long id, Actor actor, Model model) {
        actor.requireRole(Role.ADMIN);
        return editPage(model, RuleForm.of(routing.rule(id)));
    }

    @PostMapping("/admin/routing/rules/{id}")
    String save(@PathVariable long id, @RequestParam Map<String, String> form, @RequestParam long version, Actor actor,
                Model model, RedirectAttributes redirect) {
        actor.requireRole(Role.ADMIN);
        try {
            routing.replaceRule(id, RuleForm.of(id, form, version).input(), version);
        } catch (InvalidRequestException e) {
            model.addAttribute("problems", e.problems());
            return editPage(model, RuleForm.of(id, form, version));
        } catch (ConflictException e) {
            model.addAttribute("conflict", true);
            return editPage(model, RuleForm.of(routing.rule(id)));
        }
        redirect.addFlashAttribute("saved", "routing.saved");
        return "redirect:/admin/routing";
    }

    @PostMapping("/admin/routing/rules/{id}/delete")
    String delete(@PathVariable long id, Actor actor, RedirectAttributes redirect) {
        actor.requireRole(Role.ADMIN);
        routing.deleteRule(id);
        redirect.addFlashAttribute("saved", "routing.deleted");
        return "redirect:/admin/routing";
    }

    @PostMapping("/admin/routing/teams/{teamId}")
    String strategy(@PathVariable long teamId, @RequestParam String strategy, Actor actor, RedirectAttributes redirect) {
        actor.requireRole(Role.ADMIN);
        TeamStrategy parsed;
        try {
            parsed = TeamStrategy.valueOf(strategy);
        } catch (IllegalArgumentException e) {
            throw InvalidRequestException.of("strategy", "must be MANUAL, ROUND_ROBIN or SKILLS_AND_LOAD");
        }
        routing.changeStrategy(teamId, parsed);
        redirect.addFlashAttribute("saved", "routing.saved");
        return "redirect:/admin/routing#teams";
    }

    @GetMapping("/routing/queues")
    String queues(Actor actor, Model model) {
        actor.requireRole(Role.SUPERVISOR);
        model.addAttribute("navSection", actor.isAdmin() ? "admin" : "tickets");
        model.addAttribute("queues", routing.queues(actor));
        return "routing/queues";
    }

    private String page(Model model, RuleForm form) {
        common(model, form);
        model.addAttribute("rules", routing.rules());
        model.addAttribute("teamRoutings", routing.teams());
        return "routing/admin";
    }

    private String editPage(Model model, RuleForm form) {
        common(model, form);
        return "routing/rule";
    }

    private void common(Model model, RuleForm form) {
        model.addAttribute("navSection", "admin");
        model.addAttribute("form", form);
        model.addAttribute("channels", Channel.values());
        List<RoutingSource> sources = routing.sources();
        model.addAttribute("sources", sources);
        model.addAttribute("sourceNames", sources.stream()
                .collect(Collectors.toMap(RoutingSource::formValue, RoutingSource::label, (a, b) -> a)));
        model.addAttribute("strategies", TeamStrategy.values());
        model.addAttribute("complaintTypes", settings.complaintTypes());
        model.addAttribute("complaintTypesByCode", settings.complaintTypes().stream()
                .collect(Collectors.toMap(t -> t.getCode(), Function.identity(), (a, b) -> a)));
        model.addAttribute("tiers", customers.tiers());
        model.addAttribute("languages", List.of("zh-CN", "zh-TW", "zh", "en"));
        List<Department> departments = agents.departments();
        List<Team> teams = agents.teams();
        model.addAttribute("departments", departments);
        model.addAttribute("teams", teams);
        model.addAttribute("departmentNames", departments.stream()
                .collect(Collectors.toMap(Department::getId, Department::getName)));
        model.addAttribute("teamNames", teams.stream().collect(Collectors.toMap(Team::getId, Function.identity())));
    }
}
