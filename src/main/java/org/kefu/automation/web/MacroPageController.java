package org.kefu.automation.web;

import jakarta.validation.Validator;
import java.util.List;
import java.util.Locale;
import org.kefu.agent.AgentDirectory;
import org.kefu.automation.Macro;
import org.kefu.automation.MacroInput;
import org.kefu.automation.MacroReplyMode;
import org.kefu.automation.ManagingMacros;
import org.kefu.automation.ManagingTemplates;
import org.kefu.automation.TemplateFilter;
import org.kefu.automation.TemplateScope;
import org.kefu.platform.Actor;
import org.kefu.platform.ConflictException;
import org.kefu.platform.ForbiddenException;
import org.kefu.platform.FormProblems;
import org.kefu.platform.InvalidRequestException;
import org.kefu.platform.Slice;
import org.kefu.ticket.Priority;
import org.kefu.ticket.TicketStatus;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Macros on the templates page (/templates/macros): list, create, edit, delete. */
@Controller
class MacroPageController {

    private final ManagingMacros macros;
    private final ManagingTemplates templates;
    private final AgentDirectory agents;
    private final Validator validator;
    private final MessageSource messages;

    MacroPageController(ManagingMacros macros, ManagingTemplates templates, AgentDirectory agents, Validator validator,
            MessageSource messages) {
        this.macros = macros;
        this.templates = templates;
        this.agents = agents;
        this.validator = validator;
        this.messages = messages;
    }

    record Row(long id, String name, String scope, MacroReplyMode replyMode, String templateName, TicketStatus setStatus,
            Priority setPriority, List<String> addTags, List<String> removeTags, boolean assigns, long uses, boolean canEdit) {
    }

    @GetMapping("/templates/macros")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String cursor, Actor actor,
            Locale locale, Model model) {
        Slice<Macro> page = macros.list(actor, q, cursor, 50);
        var named = templates.visibleByIds(page.items().stream().map(Macro::templateId).filter(java.util.Objects::nonNull)
                .collect(java.util.stream.Collectors.toSet()), actor);
        model.addAttribute("navSection", "tickets");
        model.addAttribute("rows", page.items().stream().map(m -> new Row(m.id(), m.displayName(locale), m.sharing().scope().name(),
                m.replyMode(), m.templateId() == null ? null : named.containsKey(m.templateId()) ? named.get(m.templateId()).displayName(locale) : "#" + m.templateId(), m.setStatus(), m.setPriority(), m.addTags(), m.removeTags(),
                m.assigns(), m.usageCount(), m.sharing().canManage(actor))).toList());
        model.addAttribute("nextCursor", page.nextCursor());
        model.addAttribute("q", q);
        return "automation/macros";
    }

    @GetMapping("/templates/macros/new")
    String newForm(Actor actor, Locale locale, Model model) {
        return form(null, MacroForm.blank(), null, FormProblems.none(), actor, locale, model);
    }

    @PostMapping("/templates/macros")
    String create(@ModelAttribute MacroForm form, Actor actor, Locale locale, Model model, RedirectAttributes redirect) {
        MacroInput input = form.input();
        FormProblems problems = FormProblems.validate(validator, input);
        if (!problems.isEmpty()) {
            return form(null, form, null, problems, actor, locale, model);
        }
        try {
            Macro created = macros.create(input, actor);
            redirect.addFlashAttribute("saved", "automation.macro.created");
            redirect.addFlashAttribute("savedArg", created.name());
            return "redirect:/templates/macros";
        } catch (InvalidRequestException e) {
            return form(null, form, null, FormProblems.none().add(e), actor, locale, model);
        } catch (ForbiddenException e) {
            return form(null, form, null, FormProblems.none().field("scope", text("automation.form.mayNotShare")), actor, locale, model);
        }
    }

    @GetMapping("/templates/macros/{id}/edit")
    String edit(@PathVariable long id, Actor actor, Locale locale, Model model) {
        Macro m = macros.get(id, actor);
        if (!m.sharing().canManage(actor)) {
            throw new ForbiddenException("Only supervisors and admins change shared macros.");
        }
        return form(m, MacroForm.of(m), m.version(), FormProblems.none(), actor, locale, model);
    }

    @PostMapping("/templates/macros/{id}")
    String save(@PathVariable long id, @ModelAttribute MacroForm form, @RequestParam(required = false) Long version, Actor actor,
            Locale locale, Model model, RedirectAttributes redirect) {
        Macro current = macros.get(id, actor);
        MacroInput input = form.input();
        FormProblems problems = FormProblems.validate(validator, input);
        if (!problems.isEmpty()) {
            return form(current, form, version, problems, actor, locale, model);
        }
        try {
            Macro saved = macros.replace(id, input, version, actor);
            redirect.addFlashAttribute("saved", "automation.macro.saved");
            redirect.addFlashAttribute("savedArg", saved.name());
            return "redirect:/templates/macros";
        } catch (InvalidRequestException e) {
            return form(current, form, version, FormProblems.none().add(e), actor, locale, model);
        } catch (ForbiddenException e) {
            return form(current, form, version, FormProblems.none().general(text("automation.form.mayNotShare")), actor, locale, model);
        } catch (ConflictException e) {
            Macro fresh = macros.get(id, actor);
            return form(fresh, MacroForm.of(fresh), fresh.version(), FormProblems.none().general(text("automation.form.conflict")),
                    actor, locale, model);
        }
    }

    @PostMapping("/templates/macros/{id}/delete")
    String delete(@PathVariable long id, Actor actor, RedirectAttributes redirect) {
        Macro m = macros.get(id, actor);
        macros.delete(id, actor);
        redirect.addFlashAttribute("saved", "automation.macro.deleted");
        redirect.addFlashAttribute("savedArg", m.name());
        return "redirect:/templates/macros";
    }

    record Option(long id, String name) {
    }

    private String form(Macro macro, MacroForm form, Long version, FormProblems problems, Actor actor, Locale locale, Model model) {
        model.addAttribute("navSection", "tickets");
        model.addAttribute("macro", macro);
        model.addAttribute("form", form);
        model.addAttribute("version", version);
        model.addAttribute("formErrors", problems);
        model.addAttribute("scopes", actor.isSupervisorOrAdmin() ? List.of(TemplateScope.values()) : List.of(TemplateScope.PERSONAL));
        model.addAttribute("replyModes", List.of(MacroReplyMode.values()));
        model.addAttribute("statuses", List.of(TicketStatus.values()));
        model.addAttribute("priorities", List.of(Priority.values()));
        model.addAttribute("templates", templates.list(actor, TemplateFilter.all(), null, 100).items().stream()
                .map(t -> new Option(t.id(), t.displayName(locale))).toList());
        model.addAttribute("teams", agents.teams().stream().map(t -> new Option(t.getId(), t.getName())).toList());
        model.addAttribute("departments", agents.departments().stream().map(d -> new Option(d.getId(), d.getName())).toList());
        model.addAttribute("agents", agents.agents().stream().map(a -> new Option(a.getId(), a.getDisplayName())).toList());
        return "automation/macro-form";
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
