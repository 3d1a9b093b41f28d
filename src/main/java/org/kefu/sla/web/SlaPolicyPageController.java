package org.kefu.sla.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.kefu.customer.CustomerDirectory;
import org.kefu.platform.Actor;
import org.kefu.platform.ConflictException;
import org.kefu.platform.FormProblems;
import org.kefu.platform.InvalidRequestException;
import org.kefu.platform.Role;
import org.kefu.sla.CalendarDefinition;
import org.kefu.sla.ManagingCalendars;
import org.kefu.sla.ManagingSlaPolicies;
import org.kefu.sla.SlaMetric;
import org.kefu.sla.SlaPolicy;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admin pages for SLA policies (服务水平): the ordered list with each policy's conditions and targets
 * in words, a form to create and edit one, delete, and moving a policy up or down. ADMIN only; all
 * changes go through {@link ManagingSlaPolicies}, the same service and validation as the REST API.
 */
@Controller
class SlaPolicyPageController {

    private final ManagingSlaPolicies policies;
    private final ManagingCalendars calendars;
    private final CustomerDirectory customers;
    private final TicketSettings settings;
    private final MessageSource messages;
    private final TransactionTemplate transactions;

    SlaPolicyPageController(ManagingSlaPolicies policies, ManagingCalendars calendars, CustomerDirectory customers,
                            TicketSettings settings, MessageSource messages, TransactionTemplate transactions) {
        this.policies = policies;
        this.calendars = calendars;
        this.customers = customers;
        this.settings = settings;
        this.messages = messages;
        this.transactions = transactions;
    }

    /** One line of the list: the policy and its conditions, targets and calendar in words. */
    record PolicyRow(SlaPolicy policy, List<String> conditions, List<String> targets, String calendar, boolean first,
                     boolean last) {
    }

    @GetMapping("/admin/sla-policies")
    String list(Actor actor, Model model) {
        actor.requireRole(Role.ADMIN);
        Map<Long, CalendarDefinition> byId = calendarsById();
        List<SlaPolicy> all = policies.list();
        List<PolicyRow> rows = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            SlaPolicy p = all.get(i);
            CalendarDefinition calendar = byId.get(p.calendarId());
            rows.add(new PolicyRow(p, conditions(p), targets(p, businessDay(calendar)),
                    calendar == null ? "#" + p.calendarId() : calendar.name(), i == 0, i == all.size() - 1));
        }
        model.addAttribute("navSection", "admin");
        model.addAttribute("rows", rows);
        return "sla/policies";
    }

    @GetMapping("/admin/sla-policies/new")
    String newForm(Actor actor, Model model) {
        actor.requireRole(Role.ADMIN);
        List<CalendarDefinition> all = calendars.list();
        return form(null, PolicyForm.blank(all.isEmpty() ? 1 : all.getFirst().id()), FormProblems.none(), model);
    }

    @PostMapping("/admin/sla-policies")
    String create(@ModelAttribute PolicyForm form, Actor actor, Model model, RedirectAttributes redirect) {
        actor.requireRole(Role.ADMIN);
        try {
            SlaPolicy created = policies.create(form.input(businessDay(form.calendarId())));
            redirect.addFlashAttribute("saved", "sla.policy.created");
            redirect.addFlashAttribute("savedArg", created.name());
            return "redirect:/admin/sla-policies";
        } catch (InvalidRequestException e) {
            return form(null, form, FormProblems.none().add(e), model);
        }
    }

    @GetMapping("/admin/sla-policies/{id}")
    String edit(@PathVariable long id, Actor actor, Model model) {
        actor.requireRole(Role.ADMIN);
        SlaPolicy policy = policies.get(id);
        return form(policy, PolicyForm.of(policy, businessDay(policy.calendarId())), FormProblems.none(), model);
    }

    @PostMapping("/admin/sla-policies/{id}")
    String save(@PathVariable long id, @ModelAttribute PolicyForm form, Actor actor, Model model,
                RedirectAttributes redirect) {
        actor.requireRole(Role.ADMIN);
        SlaPolicy current = policies.get(id);
        try {
            SlaPolicy saved = policies.replace(id, form.input(businessDay(form.calendarId())), form.version());
            redirect.addFlashAttribute("saved", "sla.policy.saved");
            redirect.addFlashAttribute("savedArg", saved.name());
            return "redirect:/admin/sla-policies";
        } catch (InvalidRequestException e) {
            return form(current, form, FormProblems.none().add(e), model);
        } catch (ConflictException e) {
            SlaPolicy fresh = policies.get(id);
            return form(fresh, PolicyForm.of(fresh, businessDay(fresh.calendarId())),
                    FormProblems.none().general(messages.getMessage("sla.policy.conflict", null, locale())), model);
        }
    }

    @PostMapping("/admin/sla-policies/{id}/delete")
    String delete(@PathVariable long id, Actor actor, RedirectAttributes redirect) {
        actor.requireRole(Role.ADMIN);
        SlaPolicy policy = policies.get(id);
        policies.delete(id);
        redirect.addFlashAttribute("saved", "sla.policy.deleted");
        redirect.addFlashAttribute("savedArg", policy.name());
        return "redirect:/admin/sla-policies";
    }

    @PostMapping("/admin/sla-policies/{id}/move")
    String move(@PathVariable long id, @RequestParam String direction, Actor actor, RedirectAttributes redirect) {
        actor.requireRole(Role.ADMIN);
        policies.move(id, "up".equals(direction) ? -1 : 1);
        redirect.addFlashAttribute("saved", "sla.policy.moved");
        redirect.addFlashAttribute("savedArg", policies.get(id).name());
        return "redirect:/admin/sla-policies#policy-" + id;
    }

    private String form(SlaPolicy policy, PolicyForm form, FormProblems problems, Model model) {
        model.addAttribute("navSection", "admin");
        model.addAttribute("policy", policy);
        model.addAttribute("form", form);
        model.addAttribute("formErrors", problems);
        model.addAttribute("calendars", calendars.list());
        model.addAttribute("priorities", List.of("P1", "P2", "P3", "P4"));
        model.addAttribute("channels", List.of("EMAIL", "CHAT", "PHONE", "WEB", "SOCIAL", "API"));
        model.addAttribute("units", List.of("s", "min", "h", "bd"));
        transactions.executeWithoutResult(tx -> {
            model.addAttribute("tiers", customers.tiers().stream().map(t -> new Choice(t.getCode(), t.getName())).toList());
            model.addAttribute("complaintTypes", settings.complaintTypes().stream()
                    .map(c -> new Choice(c.getCode(), complaintName(c.getCode(), c.getNameZhCn(), c.getNameZhTw(), c.getNameEn())))
                    .toList());
        });
        return "sla/policy-edit";
    }

    record Choice(String code, String name) {
    }

    private List<String> conditions(SlaPolicy p) {
        SlaPolicy.Conditions c = p.conditions();
        List<String> parts = new ArrayList<>();
        if (c.tier() != null) {
            parts.add(msg("sla.policy.cond.tier", c.tier()));
        }
        if (c.priority() != null) {
            parts.add(c.priority());
        }
        if (c.channel() != null) {
            parts.add(messages.getMessage("channel." + c.channel(), null, c.channel(), locale()));
        }
        if (c.complaintType() != null) {
            parts.add(msg("sla.policy.cond.complaintType", c.complaintType()));
        }
        if (c.organisation() != null) {
            parts.add(msg("sla.policy.cond.organisation", c.organisation()));
        }
        if (c.tag() != null) {
            parts.add(msg("sla.policy.cond.tag", c.tag()));
        }
        return parts;
    }

    private List<String> targets(SlaPolicy p, Duration businessDay) {
        List<String> parts = new ArrayList<>();
        for (SlaMetric metric : SlaMetric.values()) {
            p.target(metric).ifPresent(d -> {
                PolicyForm.Amount amount = PolicyForm.Amount.of(d, businessDay);
                parts.add(messages.getMessage("sla.metric." + metric.name(), null, locale()) + " "
                        + msg("sla.unit." + amount.unit(), amount.amount()));
            });
        }
        return parts;
    }

    private String msg(String key, Object arg) {
        return messages.getMessage(key, new Object[] {arg}, locale());
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }

    private static String complaintName(String code, String zhCn, String zhTw, String en) {
        Locale l = locale();
        String name = "en".equals(l.getLanguage()) ? en : "TW".equals(l.getCountry()) || "Hant".equals(l.getScript()) ? zhTw : zhCn;
        return name == null || name.isBlank() ? code : name;
    }

    private Map<Long, CalendarDefinition> calendarsById() {
        Map<Long, CalendarDefinition> byId = new LinkedHashMap<>();
        calendars.list().forEach(c -> byId.put(c.id(), c));
        return byId;
    }

    private Duration businessDay(Long calendarId) {
        if (calendarId == null) {
            return Duration.ofDays(1);
        }
        return calendarsById().values().stream().filter(c -> c.id().equals(calendarId)).findFirst()
                .map(SlaPolicyPageController::businessDay).orElse(Duration.ofDays(1));
    }

    /** A business day of a calendar: its longest opening in a week (7.5 h for 09:00–12:00, 13:30–18:00). */
    static Duration businessDay(CalendarDefinition calendar) {
        if (calendar == null) {
            return Duration.ofDays(1);
        }
        int minutes = calendar.week().values().stream().mapToInt(h -> h.openMinutes()).max().orElse(0);
        return minutes == 0 ? Duration.ofDays(1) : Duration.ofMinutes(minutes);
    }
}
