package org.kefu.agent.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.kefu.agent.AgentDirectory;
import org.kefu.agent.web.AgentApiController.DepartmentChange;
import org.kefu.agent.web.AgentApiController.DepartmentRequest;
import org.kefu.agent.web.AgentApiController.TeamChange;
import org.kefu.agent.web.AgentApiController.TeamRequest;
import org.kefu.agent.web.AgentViews.DepartmentView;
import org.kefu.agent.web.AgentViews.TeamView;
import org.kefu.platform.Actor;
import org.kefu.platform.ConflictException;
import org.kefu.platform.FormProblems;
import org.kefu.platform.InvalidRequestException;
import org.kefu.platform.Role;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin: departments (one is the default for new tickets) and the teams inside them. */
@Controller
class AdminOrganisationPage {

    private final AgentDirectory directory;
    private final Validator validator;

    AdminOrganisationPage(AgentDirectory directory, Validator validator) {
        this.directory = directory;
        this.validator = validator;
    }

    @ModelAttribute("navSection")
    String navSection() {
        return "admin";
    }

    @GetMapping("/admin/departments")
    String page(Actor actor, Model model) {
        actor.requireRole(Role.ADMIN);
        return page(model, new DepartmentRequest("", "", false), FormProblems.none(), new TeamRequest("", null),
                FormProblems.none(), FormProblems.none());
    }

    @PostMapping("/admin/departments")
    String createDepartment(@RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "false") boolean isDefault, Actor actor, Model model, RedirectAttributes flash,
            HttpServletResponse response) {
        actor.requireRole(Role.ADMIN);
        DepartmentRequest request = new DepartmentRequest(code.strip(), name.strip(), isDefault);
        FormProblems problems = FormProblems.validate(validator, request);
        if (problems.isEmpty()) {
            try {
                directory.createDepartment(request.code(), request.name(), isDefault);
                return saved(flash, "admin.departments.created", request.name());
            } catch (ConflictException e) {
                problems.field("code", e.getMessage());
            } catch (InvalidRequestException e) {
                problems.add(e);
            }
        }
        response.setStatus(422);
        return page(model, request, problems, new TeamRequest("", null), FormProblems.none(), FormProblems.none());
    }

    @PostMapping("/admin/departments/{id}")
    String renameDepartment(@PathVariable long id, @RequestParam(defaultValue = "") String name, Actor actor, Model model,
            RedirectAttributes flash, HttpServletResponse response) {
        actor.requireRole(Role.ADMIN);
        DepartmentChange change = new DepartmentChange(name.strip(), null);
        FormProblems problems = FormProblems.validate(validator, change);
        if (problems.isEmpty()) {
            directory.updateDepartment(id, change.name(), null);
            return saved(flash, "admin.saved", change.name());
        }
        response.setStatus(422);
        return page(model, new DepartmentRequest("", "", false), FormProblems.none(), new TeamRequest("", null),
                FormProblems.none(), problems);
    }

    @PostMapping("/admin/departments/{id}/default")
    String makeDefault(@PathVariable long id, Actor actor, RedirectAttributes flash) {
        actor.requireRole(Role.ADMIN);
        directory.updateDepartment(id, null, true);
        return saved(flash, "admin.departments.defaultSet", directory.department(id).getName());
    }

    @PostMapping("/admin/teams")
    String createTeam(@RequestParam(defaultValue = "") String name, @RequestParam(required = false) Long departmentId,
            Actor actor, Model model, RedirectAttributes flash, HttpServletResponse response) {
        actor.requireRole(Role.ADMIN);
        TeamRequest request = new TeamRequest(name.strip(), departmentId);
        FormProblems problems = FormProblems.validate(validator, request);
        if (problems.isEmpty()) {
            try {
                directory.createTeam(request.name(), request.departmentId());
                return saved(flash, "admin.teams.created", request.name());
            } catch (InvalidRequestException e) {
                problems.add(e);
            }
        }
        response.setStatus(422);
        return page(model, new DepartmentRequest("", "", false), FormProblems.none(), request, problems,
                FormProblems.none());
    }

    @PostMapping("/admin/teams/{id}")
    String renameTeam(@PathVariable long id, @RequestParam(defaultValue = "") String name, Actor actor, Model model,
            RedirectAttributes flash, HttpServletResponse response) {
        actor.requireRole(Role.ADMIN);
        TeamChange change = new TeamChange(name.strip());
        FormProblems problems = FormProblems.validate(validator, change);
        if (problems.isEmpty()) {
            directory.renameTeam(id, change.name());
            return saved(flash, "admin.saved", change.name());
        }
        response.setStatus(422);
        return page(model, new DepartmentRequest("", "", false), FormProblems.none(), new TeamRequest("", null),
                FormProblems.none(), problems);
    }

    private static String saved(RedirectAttributes flash, String key, String arg) {
        flash.addFlashAttribute("saved", key);
        flash.addFlashAttribute("savedArg", arg);
        return "redirect:/admin/departments";
    }

    private String page(Model model, DepartmentRequest department, FormProblems departmentProblems, TeamRequest team,
            FormProblems teamProblems, FormProblems renameProblems) {
        List<DepartmentView> departments = directory.departments().stream().map(DepartmentView::of).toList();
        Map<Long, String> names = departments.stream().collect(Collectors.toMap(DepartmentView::id, DepartmentView::name));
        model.addAttribute("departments", departments);
        model.addAttribute("departmentNames", names);
        model.addAttribute("teams", directory.teams().stream().map(TeamView::of).toList());
        model.addAttribute("departmentForm", department);
        model.addAttribute("departmentErrors", departmentProblems);
        model.addAttribute("teamForm", team);
        model.addAttribute("teamErrors", teamProblems);
        model.addAttribute("errors", renameProblems.asGeneral());
        return "admin/departments";
    }
}
