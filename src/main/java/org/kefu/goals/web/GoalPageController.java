package org.kefu.goals.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.kefu.agent.AgentDirectory;
import org.kefu.goals.GoalAttainment;
import org.kefu.goals.ManagingGoals;
import org.kefu.goals.ServiceGoal;
import org.kefu.platform.Actor;
import org.kefu.platform.ConflictException;
import org.kefu.platform.FormProblems;
import org.kefu.platform.InvalidRequestException;
import org.kefu.platform.Role;
import org.kefu.platform.web.Times;
import org.kefu.sla.CalendarDefinition;
import org.kefu.sla.ManagingCalendars;
import org.kefu.ticket.TicketSettings;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The goals page (服务目标): every goal with its attainment today, this week and this month in the
 * viewer's time zone; supervisors and admins create, edit and delete goals through the same service as the API.
 */
@Controller
class GoalPageController {

    private final ManagingGoals goals;
    private final GoalAttainment attainment;
    private final ManagingCalendars calendars;
    private final AgentDirectory agents;
    private final TicketSettings settings;
    private final MessageSource messages;
    private final Times times;
    private final TransactionTemplate transactions;

    GoalPageController(ManagingGoals goals, GoalAttainment attainment, ManagingCalendars calendars, AgentDirectory agents,
                       TicketSettings settings, MessageSource messages, Times times, TransactionTemplate transactions) {
        this.goals = goals;
        this.attainment = attainment;
        this.calendars = calendars;
        this.agents = agents;
        this.settings = settings;
        this.messages = messages;
        this.times = times;
        this.transactions = transactions;
    }

    record Row(GoalAttainment.GoalRow data, String description, List<String> filters) {
    }

    @GetMapping("/goals")
    String page(Actor actor, Model model) {
        Map<Long, String> calendarNames = new LinkedHashMap<>();
        calendars.list().forEach(c -> calendarNames.put(c.id(), c.name()));
        Names names = names();
        List<Row> rows = new ArrayList<>();
        for (GoalAttainment.GoalRow r : attainment.overview(times.zone())) {
            rows.add(new Row(r, description(r.goal(), calendarNames), filters(r.goal(), names)));
        }
        model.addAttribute("navSection", "goals");
        model.addAttribute("rows", rows);
        model.addAttribute("zone", times.zone().getId());
        model.addAttribute("canEdit", actor.isSupervisorOrAdmin());
        return "goals/goals";
    }

    @GetMapping("/goals/new")
    String newForm(Actor actor, Model model) {
        actor.requireRole(Role.SUPERVISOR);
        List<CalendarDefinition> all = calendars.list();
        return form(null, GoalForm.blank(all.isEmpty() ? 1 : all.getFirst().id()), FormProblems.none(), model);
    }

    @PostMapping("/goals")
    String create(@ModelAttribute GoalForm form, Actor actor, Model model, RedirectAttributes redirect) {
        actor.requireRole(Role.SUPERVISOR);
        try {
            ServiceGoal created = goals.create(form.input(), actor);
            redirect.addFlashAttribute("saved", "goals.created");
            redirect.addFlashAttribute("savedArg", created.name());
            return "redirect:/goals";
        } catch (InvalidRequestException e) {
            return form(null, form, FormProblems.none().add(e), model);
        }
    }

    @GetMapping("/goals/{id}/edit")
    String edit(@PathVariable long id, Actor actor, Model model) {
        actor.requireRole(Role.SUPERVISOR);
        ServiceGoal goal = goals.get(id);
        return form(goal, GoalForm.of(goal), FormProblems.none(), model);
    }

    @PostMapping("/goals/{id}")
    String save(@PathVariable long id, @ModelAttribute GoalForm form, Actor actor, Model model, RedirectAttributes redirect) {
        actor.requireRole(Role.SUPERVISOR);
        ServiceGoal current = goals.get(id);
        try {
            ServiceGoal saved = goals.replace(id, form.input(), form.version(), actor);
            redirect.addFlashAttribute("saved", "goals.saved");
            redirect.addFlashAttribute("savedArg", saved.name());
            return "redirect:/goals";
        } catch (InvalidRequestException e) {
            return form(current, form, FormProblems.none().add(e), model);
        } catch (ConflictException e) {
            ServiceGoal fresh = goals.get(id);
            return form(fresh, GoalForm.of(fresh), FormProblems.none().general(msg("goals.conflict")), model);
        }
    }

    @PostMapping("/goals/{id}/delete")
    String delete(@PathVariable long id, Actor actor, RedirectAttributes redirect) {
        ServiceGoal goal = goals.get(id);
        goals.delete(id, actor);
        redirect.addFlashAttribute("saved", "goals.deleted");
        redirect.addFlashAttribute("savedArg", goal.name());
        return "redirect:/goals";
    }

    private String form(ServiceGoal goal, GoalForm form, FormProblems problems, Model model) {
        model.addAttribute("navSection", "goals");
        model.addAttribute("goal", goal);
        model.addAttribute("form", form);
        model.addAttribute("formErrors", problems);
        model.addAttribute("calendars", calendars.list());
        model.addAttribute("metrics", List.of("FIRST_RESPONSE", "CHAT_FIRST_RESPONSE", "RESOLUTION"));
        model.addAttribute("priorities", List.of("P1", "P2", "P3", "P4"));
        model.addAttribute("channels", List.of("EMAIL", "CHAT", "PHONE", "WEB", "SOCIAL", "API"));
        model.addAttribute("units", List.of("s", "min", "h"));
        Names names = names();
        model.addAttribute("teams", names.teams());
        model.addAttribute("departments", names.departments());
        model.addAttribute("complaintTypes", names.complaintTypes());
        return "goals/goal-edit";
    }

    record Names(Map<Long, String> teams, Map<Long, String> departments, Map<String, String> complaintTypes) {
    }

    private Names names() {
        return transactions.execute(tx -> {
            Map<Long, String> teams = new LinkedHashMap<>();
            agents.teams().forEach(t -> teams.put(t.getId(), t.getName()));
            Map<Long, String> departments = new LinkedHashMap<>();
            agents.departments().forEach(d -> departments.put(d.getId(), d.getName()));
            Map<String, String> types = new LinkedHashMap<>();
            Locale l = LocaleContextHolder.getLocale();
            settings.complaintTypes().forEach(c -> types.put(c.getCode(), "en".equals(l.getLanguage()) ? c.getNameEn()
                    : "TW".equals(l.getCountry()) ? c.getNameZhTw() : c.getNameZhCn()));
            return new Names(teams, departments, types);
        });
    }

    /** "首次响应 ≤ 2 小时（工作时间 · 中国大陆工作日）". */
    private String description(ServiceGoal g, Map<Long, String> calendarNames) {
        long s = g.threshold().toSeconds();
        String amount = s % 3600 == 0 ? msg("goals.unit.h", String.valueOf(s / 3600)) : s % 60 == 0 ? msg("goals.unit.min", String.valueOf(s / 60))
                : msg("goals.unit.s", String.valueOf(s));
        return msg("goals.describe", msg("goals.metric." + g.metric().name()), amount,
                calendarNames.getOrDefault(g.calendarId(), "#" + g.calendarId()));
    }

    private List<String> filters(ServiceGoal g, Names names) {
        List<String> parts = new ArrayList<>();
        if (g.channel() != null) {
            parts.add(messages.getMessage("channel." + g.channel(), null, g.channel(), LocaleContextHolder.getLocale()));
        }
        if (g.priority() != null) {
            parts.add(g.priority());
        }
        if (g.departmentId() != null) {
            parts.add(names.departments().getOrDefault(g.departmentId(), "#" + g.departmentId()));
        }
        if (g.teamId() != null) {
            parts.add(names.teams().getOrDefault(g.teamId(), "#" + g.teamId()));
        }
        if (g.complaintType() != null) {
            parts.add(names.complaintTypes().getOrDefault(g.complaintType(), g.complaintType()));
        }
        return parts;
    }

    private String msg(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
