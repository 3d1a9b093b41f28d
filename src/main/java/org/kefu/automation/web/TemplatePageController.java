package org.kefu.automation.web;

import jakarta.validation.Validator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.kefu.agent.AgentDirectory;
import org.kefu.automation.ManagingTemplates;
import org.kefu.automation.RenderedTemplate;
import org.kefu.automation.RenderingTemplates;
import org.kefu.automation.ReplyTemplate;
import org.kefu.automation.TemplateFilter;
import org.kefu.automation.TemplateInput;
import org.kefu.automation.TemplateLanguage;
import org.kefu.automation.TemplateRenderer;
import org.kefu.automation.TemplateScope;
import org.kefu.platform.Actor;
import org.kefu.platform.ConflictException;
import org.kefu.platform.ForbiddenException;
import org.kefu.platform.FormProblems;
import org.kefu.platform.InvalidRequestException;
import org.kefu.platform.Slice;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The reply templates page (/templates): list, search and filter (mine, shared, category, language),
 * create and edit with a live preview against an example ticket, delete. Same services and rules as the API.
 */
@Controller
class TemplatePageController {

    private final ManagingTemplates templates;
    private final RenderingTemplates rendering;
    private final AgentDirectory agents;
    private final Validator validator;
    private final MessageSource messages;

    TemplatePageController(ManagingTemplates templates, RenderingTemplates rendering, AgentDirectory agents, Validator validator,
            MessageSource messages) {
        this.templates = templates;
        this.rendering = rendering;
        this.agents = agents;
        this.validator = validator;
        this.messages = messages;
    }

    record Row(long id, String name, String shortcut, String category, String scope, List<String> languages, long uses,
            boolean canEdit) {
    }

    @GetMapping("/templates")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String mine,
            @RequestParam(required = false) String category, @RequestParam(required = false) String language,
            @RequestParam(required = false) String cursor, Actor actor, Locale locale, Model model) {
        Boolean onlyMine = "true".equals(mine) ? Boolean.TRUE : "false".equals(mine) ? Boolean.FALSE : null;
        TemplateLanguage lang = TemplateLanguage.of(language);
        Slice<ReplyTemplate> page = templates.list(actor, new TemplateFilter(q, onlyMine, category, lang), cursor, 50);
        model.addAttribute("navSection", "tickets");
        model.addAttribute("rows", page.items().stream().map(t -> new Row(t.id(), t.displayName(locale), t.shortcut(), t.category(),
                t.scope().name(), t.bodies().keySet().stream().map(TemplateLanguage::tag).toList(), t.usageCount(),
                templates.mayManage(t, actor))).toList());
        model.addAttribute("nextCursor", page.nextCursor());
        model.addAttribute("categories", templates.categories(actor));
        model.addAttribute("q", q);
        model.addAttribute("mine", mine);
        model.addAttribute("category", category);
        model.addAttribute("language", lang == null ? null : lang.tag());
        return "automation/list";
    }

    @GetMapping("/templates/new")
    String newForm(Actor actor, Model model) {
        TemplateInput blank = new TemplateInput("", null, null, null, null, TemplateScope.PERSONAL, null, null, null, null, null);
        return form(null, blank, null, FormProblems.none(), actor, model);
    }

    @PostMapping("/templates")
    String create(@ModelAttribute TemplateInput form, Actor actor, Model model, RedirectAttributes redirect) {
        FormProblems problems = FormProblems.validate(validator, form);
        if (!problems.isEmpty()) {
            return form(null, form, null, problems, actor, model);
        }
        try {
            ReplyTemplate created = templates.create(form, actor);
            redirect.addFlashAttribute("saved", "automation.template.created");
            redirect.addFlashAttribute("savedArg", created.name());
            return "redirect:/templates";
        } catch (InvalidRequestException e) {
            return form(null, form, null, FormProblems.none().add(e), actor, model);
        } catch (ForbiddenException e) {
            return form(null, form, null, FormProblems.none().field("scope", text("automation.form.mayNotShare")), actor, model);
        }
    }

    @GetMapping("/templates/{id}/edit")
    String edit(@PathVariable long id, Actor actor, Model model) {
        ReplyTemplate t = templates.get(id, actor);
        if (!templates.mayManage(t, actor)) {
            throw new ForbiddenException("Only supervisors and admins change shared templates.");
        }
        return form(t, inputOf(t), t.version(), FormProblems.none(), actor, model);
    }

    @PostMapping("/templates/{id}")
    String save(@PathVariable long id, @ModelAttribute TemplateInput form, @RequestParam(required = false) Long version,
            Actor actor, Model model, RedirectAttributes redirect) {
        ReplyTemplate current = templates.get(id, actor);
        FormProblems problems = FormProblems.validate(validator, form);
        if (!problems.isEmpty()) {
            return form(current, form, version, problems, actor, model);
        }
        try {
            ReplyTemplate saved = templates.replace(id, form, version, actor);
            redirect.addFlashAttribute("saved", "automation.template.saved");
            redirect.addFlashAttribute("savedArg", saved.name());
            return "redirect:/templates";
        } catch (InvalidRequestException e) {
            return form(current, form, version, FormProblems.none().add(e), actor, model);
        } catch (ForbiddenException e) {
            return form(current, form, version, FormProblems.none().general(text("automation.form.mayNotShare")), actor, model);
        } catch (ConflictException e) {
            ReplyTemplate fresh = templates.get(id, actor);
            return form(fresh, inputOf(fresh), fresh.version(), FormProblems.none().general(text("automation.form.conflict")),
                    actor, model);
        }
    }

    @PostMapping("/templates/{id}/delete")
    String delete(@PathVariable long id, Actor actor, RedirectAttributes redirect) {
        ReplyTemplate t = templates.get(id, actor);
        templates.delete(id, actor);
        redirect.addFlashAttribute("saved", "automation.template.deleted");
        redirect.addFlashAttribute("savedArg", t.name());
        return "redirect:/templates";
    }

    record Preview(String language, String html, int missing) {
    }

    /** The live preview of the editor: each written language filled with an example ticket. */
    @PostMapping("/templates/preview")
    String preview(@RequestParam(required = false) String bodyZhCn, @RequestParam(required = false) String bodyZhTw,
            @RequestParam(required = false) String bodyEn, Actor actor, Model model) {
        List<Preview> previews = new java.util.ArrayList<>();
        Map<TemplateLanguage, String> bodies = Map.of(TemplateLanguage.ZH_CN, nz(bodyZhCn), TemplateLanguage.ZH_TW, nz(bodyZhTw),
                TemplateLanguage.EN, nz(bodyEn));
        for (TemplateLanguage l : TemplateLanguage.values()) {
            if (!bodies.get(l).isBlank()) {
                RenderedTemplate r = rendering.preview(bodies.get(l), l, actor);
                previews.add(new Preview(l.tag(), r.html(), r.missing().size()));
            }
        }
        model.addAttribute("previews", previews);
        return "automation/form :: preview";
    }

    private String form(ReplyTemplate template, TemplateInput form, Long version, FormProblems problems, Actor actor, Model model) {
        model.addAttribute("navSection", "tickets");
        model.addAttribute("template", template);
        model.addAttribute("form", form);
        model.addAttribute("version", version);
        model.addAttribute("formErrors", problems);
        model.addAttribute("scopes", actor.isSupervisorOrAdmin() ? List.of(TemplateScope.values()) : List.of(TemplateScope.PERSONAL));
        model.addAttribute("teams", agents.teams().stream()
                .filter(t -> actor.isAdmin() || actor.teamIds().contains(t.getId()))
                .map(t -> new Option(t.getId(), t.getName())).toList());
        model.addAttribute("departments", agents.departments().stream()
                .filter(d -> actor.isAdmin() || actor.departmentIds().contains(d.getId()))
                .map(d -> new Option(d.getId(), d.getName())).toList());
        model.addAttribute("variables", TemplateRenderer.VARIABLES.stream().map(v -> new Variable(v, "{{" + v + "}}")).toList());
        return "automation/form";
    }

    record Option(long id, String name) {
    }

    record Variable(String name, String code) {
    }

    static TemplateInput inputOf(ReplyTemplate t) {
        return new TemplateInput(t.name(), t.nameZhTw(), t.nameEn(), t.shortcut(), t.category(), t.scope(), t.sharing().teamId(),
                t.sharing().departmentId(), t.bodies().get(TemplateLanguage.ZH_CN), t.bodies().get(TemplateLanguage.ZH_TW),
                t.bodies().get(TemplateLanguage.EN));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, org.springframework.context.i18n.LocaleContextHolder.getLocale());
    }
}
