package org.kefu.automation.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.kefu.automation.ApplyingMacros;
import org.kefu.automation.MacroResult;
import org.kefu.automation.ManagingMacros;
import org.kefu.automation.ManagingTemplates;
import org.kefu.automation.RenderedTemplate;
import org.kefu.automation.RenderingTemplates;
import org.kefu.automation.TemplateLanguage;
import org.kefu.platform.Actor;
import org.kefu.platform.ConflictException;
import org.kefu.platform.InvalidRequestException;
import org.kefu.platform.UnprocessableException;
import org.kefu.ticket.IllegalTransitionException;
import org.kefu.ticket.TicketWork;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The ticket page's pieces of this module: the template picker ("/" in the composer), inserting a
 * template rendered for this ticket, the macro menu, and the templates suggested for a purpose (the
 * emotion panel's de-escalation replies). Every piece checks that the agent may see the ticket.
 */
@Controller
@RequestMapping("/tickets/{id}")
class ComposerTemplatesController {

    static final int PICKER_SIZE = 12;

    private final ManagingTemplates templates;
    private final RenderingTemplates rendering;
    private final ManagingMacros macros;
    private final ApplyingMacros applying;
    private final TicketWork work;
    private final MessageSource messages;

    ComposerTemplatesController(ManagingTemplates templates, RenderingTemplates rendering, ManagingMacros macros,
            ApplyingMacros applying, TicketWork work, MessageSource messages) {
        this.templates = templates;
        this.rendering = rendering;
        this.macros = macros;
        this.applying = applying;
        this.work = work;
        this.messages = messages;
    }

    @GetMapping("/templates/picker")
    String picker(@PathVariable long id, @RequestParam(required = false) String q, Actor actor, Locale locale, Model model) {
        work.get(id, actor);
        model.addAttribute("ticketId", id);
        model.addAttribute("items", templates.pick(actor, q, PICKER_SIZE).stream().map(t -> PickerItem.of(t, locale)).toList());
        return "automation/composer :: picker";
    }

    /** The template filled in for this ticket, as JSON for the composer script; counts one use. */
    @PostMapping("/templates/{templateId}/use")
    @ResponseBody
    Inserted use(@PathVariable long id, @PathVariable long templateId, @RequestParam(required = false) String language,
            Actor actor, Locale locale) {
        TemplateLanguage lang = language == null || language.isBlank() ? null : TemplateLanguage.parse("language", language);
        RenderedTemplate r = rendering.use(id, templateId, lang, actor, locale);
        return new Inserted(r.templateId(), r.language().tag(), r.text(), r.missing(),
                r.missing().isEmpty() ? null : text(locale, "automation.composer.fill", r.missing().size()));
    }

    record Inserted(long templateId, String language, String text, List<String> missing, String hint) {
    }

    @GetMapping("/templates/suggested")
    String suggested(@PathVariable long id, @RequestParam(defaultValue = "deescalation") String purpose, Actor actor,
            Locale locale, Model model) {
        work.get(id, actor);
        model.addAttribute("ticketId", id);
        model.addAttribute("items", templates.ofCategory(actor, purpose, 5).stream().map(t -> PickerItem.of(t, locale)).toList());
        return "automation/composer :: suggested";
    }

    @GetMapping("/macros/menu")
    String macroMenu(@PathVariable long id, Actor actor, Locale locale, Model model) {
        work.get(id, actor);
        model.addAttribute("ticketId", id);
        model.addAttribute("macros", macros.menu(actor, 20).stream()
                .map(m -> new MacroItem(m.id(), m.displayName(locale))).toList());
        return "automation/composer :: macroMenu";
    }

    record MacroItem(long id, String name) {
    }

    @PostMapping("/macros/{macroId}/apply")
    String apply(@PathVariable long id, @PathVariable long macroId, Actor actor, Locale locale, Model model,
            HttpServletResponse response) {
        String problem;
        try {
            MacroResult result = applying.apply(id, macroId, actor, locale);
            response.setHeader("HX-Trigger", "kefu-ticket-changed");
            model.addAttribute("applied", macros.get(macroId, actor).displayName(locale));
            model.addAttribute("insert", result.insertText());
            model.addAttribute("hint", result.insertText() != null && !result.missing().isEmpty()
                    ? text(locale, "automation.composer.fill", result.missing().size()) : null);
            return "automation/composer :: macroFeedback";
        } catch (IllegalTransitionException e) {
            problem = transition(e, locale);
            response.setStatus(409);
        } catch (ConflictException e) {
            problem = e.getMessage();
            response.setStatus(409);
        } catch (UnprocessableException | InvalidRequestException e) {
            problem = e.getMessage();
            response.setStatus(422);
        }
        model.addAttribute("problem", problem);
        return "automation/composer :: macroFeedback";
    }

    /** The ticket page's usual sentence for a refused status move. */
    private String transition(IllegalTransitionException e, Locale locale) {
        Map<String, Object> p = e.properties();
        @SuppressWarnings("unchecked")
        List<String> allowed = (List<String>) p.getOrDefault("allowedTransitions", List.of());
        String allowedText = allowed.isEmpty() ? text(locale, "ticket.error.transitionFinal")
                : String.join("、", allowed.stream().map(s -> text(locale, "status." + s)).toList());
        return text(locale, "ticket.error.transition", text(locale, "status." + p.get("currentStatus")),
                text(locale, "status." + p.get("requestedStatus")), allowedText);
    }

    private String text(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
