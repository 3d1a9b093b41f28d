package org.kefu.agent.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.kefu.agent.Agent;
import org.kefu.agent.AgentChanges;
import org.kefu.agent.AgentDirectory;
import org.kefu.agent.Department;
import org.kefu.agent.InvitingAgents;
import org.kefu.platform.web.PublicUrl;
import org.kefu.agent.NewAgent;
import org.kefu.agent.Presence;
import org.kefu.agent.Skill;
import org.kefu.agent.Team;
import org.kefu.agent.web.AgentViews.DepartmentView;
import org.kefu.agent.web.AgentViews.TeamView;
import org.kefu.platform.Actor;
import org.kefu.platform.ConflictException;
import org.kefu.platform.FormProblems;
import org.kefu.platform.InvalidRequestException;
import org.kefu.platform.Role;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admin: the agent accounts. Inviting, role and placement changes and deactivation go through
 * {@link InvitingAgents} and {@link AgentDirectory}, the same services (and audit events) as the API.
 */
@Controller
@RequestMapping("/admin/agents")
class AdminAgentsPage {

    private final AgentDirectory directory;
    private final InvitingAgents inviting;
    private final PublicUrl publicUrl;
    private final Validator validator;
    private final MessageSource messages;
    private final TransactionTemplate transactions;

    AdminAgentsPage(AgentDirectory directory, InvitingAgents inviting, PublicUrl publicUrl, Validator validator,
            MessageSource messages, TransactionTemplate transactions) {
        this.transactions = transactions;
        this.directory = directory;
        this.inviting = inviting;
        this.publicUrl = publicUrl;
        this.validator = validator;
        this.messages = messages;
    }

    /** One line of the agent list, read inside the transaction. */
    record AgentRow(long id, String email, String displayName, Role role, List<String> departments, List<String> teams,
            Presence presence, int maxLoad, boolean active, boolean passwordSet, List<Skill> skills) {

        static AgentRow of(Agent a) {
            return new AgentRow(a.getId(), a.getEmail(), a.getDisplayName(), a.getRole(),
                    a.getDepartments().stream().map(Department::getName).sorted().toList(),
                    a.getTeams().stream().map(Team::getName).sorted().toList(), a.getPresence(), a.getMaxLoad(),
                    a.isActive(), a.getPasswordHash() != null,
                    a.getSkills().stream().sorted(Comparator.comparing(Skill::kind).thenComparing(Skill::value)).toList());
        }
    }

    @ModelAttribute("navSection")
    String navSection() {
        return "admin";
    }

    @GetMapping
    @Transactional(readOnly = true)
    String list(Actor actor, Model model) {
        actor.requireRole(Role.ADMIN);
        model.addAttribute("agents", directory.agents().stream().map(AgentRow::of).toList());
        return "admin/agents";
    }

    @GetMapping("/invite")
    @Transactional(readOnly = true)
    String inviteForm(Actor actor, Model model) {
        actor.requireRole(Role.ADMIN);
        return form(model, AgentForm.blank(), null, FormProblems.none());
    }

    @PostMapping("/invite")
    String invite(@ModelAttribute AgentForm form, Actor actor, Model model, RedirectAttributes flash,
            HttpServletResponse response) {
        actor.requireRole(Role.ADMIN);
        FormProblems problems;
        try {
            NewAgent command = form.toNewAgent();
            problems = FormProblems.validate(validator, command);
            if (problems.isEmpty()) {
                Agent agent = inviting.invite(command, actor, publicUrl.get());
                flash.addFlashAttribute("saved", "admin.agents.invited");
                flash.addFlashAttribute("savedArg", agent.getEmail());
                return "redirect:/admin/agents";
            }
        } catch (InvalidRequestException e) {
            problems = FormProblems.none().add(e);
        } catch (ConflictException e) {
            problems = FormProblems.none().field("email", text("admin.agents.emailTaken"));
        }
        response.setStatus(422);
        return form(model, form, null, problems);
    }

    @GetMapping("/{id}")
    @Transactional(readOnly = true)
    String editForm(@PathVariable long id, Actor actor, Model model) {
        actor.requireRole(Role.ADMIN);
        Agent agent = directory.get(id);
        return form(model, AgentForm.of(agent), AgentRow.of(agent), FormProblems.none());
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @ModelAttribute AgentForm form, Actor actor, Model model,
            RedirectAttributes flash, HttpServletResponse response) {
        actor.requireRole(Role.ADMIN);
        FormProblems problems;
        try {
            AgentChanges changes = form.toChanges();
            problems = FormProblems.validate(validator, changes);
            if (problems.isEmpty()) {
                directory.update(id, changes, actor);
                flash.addFlashAttribute("saved", "admin.agents.saved");
                return "redirect:/admin/agents/" + id;
            }
        } catch (InvalidRequestException e) {
            problems = FormProblems.none().add(e);
        } catch (ConflictException e) {
            problems = FormProblems.none().general(e.getMessage());
        }
        response.setStatus(422);
        return form(model, form, agentRow(id), problems);
    }

    @PostMapping("/{id}/deactivate")
    String deactivate(@PathVariable long id, Actor actor, RedirectAttributes flash) {
        return setActive(id, false, actor, flash);
    }

    @PostMapping("/{id}/reactivate")
    String reactivate(@PathVariable long id, Actor actor, RedirectAttributes flash) {
        return setActive(id, true, actor, flash);
    }

    @PostMapping("/{id}/reinvite")
    String reinvite(@PathVariable long id, Actor actor, RedirectAttributes flash) {
        actor.requireRole(Role.ADMIN);
        Agent agent = inviting.resend(id, actor, publicUrl.get());
        flash.addFlashAttribute("saved", "admin.agents.invited");
        flash.addFlashAttribute("savedArg", agent.getEmail());
        return "redirect:/admin/agents/" + id;
    }

    private String setActive(long id, boolean active, Actor actor, RedirectAttributes flash) {
        actor.requireRole(Role.ADMIN);
        directory.update(id, new AgentChanges(null, null, null, null, null, null, null, null, null, active), actor);
        flash.addFlashAttribute("saved", active ? "admin.agents.reactivated" : "admin.agents.deactivated");
        return "redirect:/admin/agents/" + id;
    }

    private AgentRow agentRow(long id) {
        return transactions.execute(status -> AgentRow.of(directory.get(id)));
    }

    private String form(Model model, AgentForm form, AgentRow agent, FormProblems problems) {
        List<DepartmentView> departments = directory.departments().stream().map(DepartmentView::of).toList();
        Map<Long, String> departmentNames = departments.stream()
                .collect(Collectors.toMap(DepartmentView::id, DepartmentView::name));
        model.addAttribute("form", form);
        model.addAttribute("agent", agent);
        model.addAttribute("errors", problems);
        model.addAttribute("departments", departments);
        model.addAttribute("departmentNames", departmentNames);
        model.addAttribute("teams", directory.teams().stream().map(TeamView::of).toList());
        model.addAttribute("roles", Role.values());
        model.addAttribute("skillKinds", Skill.Kind.values());
        return "admin/agent-form";
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
