package org.kefu.ticket.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import java.util.Arrays;
import java.util.List;
import org.kefu.platform.Actor;
import org.kefu.platform.ConflictException;
import org.kefu.platform.FormProblems;
import org.kefu.platform.InvalidRequestException;
import org.kefu.platform.Role;
import org.kefu.ticket.CustomFieldDefinition;
import org.kefu.ticket.TicketSettings;
import org.kefu.ticket.web.TicketSettingsApiController.CustomFieldChange;
import org.kefu.ticket.web.TicketSettingsApiController.CustomFieldRequest;
import org.kefu.ticket.web.TicketViews.CustomFieldView;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin: the custom ticket fields — key, label, type, options (one per line), required, active, order. */
@Controller
class AdminCustomFieldsPage {

    private final TicketSettings settings;
    private final Validator validator;

    AdminCustomFieldsPage(TicketSettings settings, Validator validator) {
        this.settings = settings;
        this.validator = validator;
    }

    /** The add form as typed; options are one per line. */
    record FieldForm(String key, String label, String type, String options, boolean required, Integer position) {
    }

    /** A listed field with its options as the edit box shows them, one per line. */
    record FieldRow(CustomFieldView field, String optionsText) {
    }

    @ModelAttribute("navSection")
    String navSection() {
        return "admin";
    }

    @GetMapping("/admin/custom-fields")
    String page(Actor actor, Model model) {
        actor.requireRole(Role.ADMIN);
        return page(model, new FieldForm("", "", "TEXT", "", false, null), FormProblems.none(), FormProblems.none());
    }

    @PostMapping("/admin/custom-fields")
    String create(@RequestParam(defaultValue = "") String key, @RequestParam(defaultValue = "") String label,
            @RequestParam(defaultValue = "") String type, @RequestParam(defaultValue = "") String options,
            @RequestParam(defaultValue = "false") boolean required, @RequestParam(required = false) Integer position,
            Actor actor, Model model, RedirectAttributes flash, HttpServletResponse response) {
        actor.requireRole(Role.ADMIN);
        FieldForm form = new FieldForm(key, label, type, options, required, position);
        FormProblems problems = FormProblems.none();
        CustomFieldDefinition.Type fieldType = null;
        try {
            fieldType = CustomFieldDefinition.Type.valueOf(type);
        } catch (IllegalArgumentException e) {
            problems.field("type", "must be TEXT, NUMBER, DATE, SELECT or MULTI_SELECT");
        }
        CustomFieldRequest request = new CustomFieldRequest(key.strip(), label.strip(), fieldType, lines(options), required,
                position);
        FormProblems validation = FormProblems.validate(validator, request);
        validation.fields().forEach(problems::field);
        if (problems.isEmpty()) {
            try {
                settings.createCustomField(request.key(), request.label(), request.type(), request.options(), required,
                        position);
                return saved(flash, "admin.fields.created", request.label());
            } catch (ConflictException e) {
                problems.field("key", e.getMessage());
            } catch (InvalidRequestException e) {
                problems.add(e);
            }
        }
        response.setStatus(422);
        return page(model, form, problems, FormProblems.none());
    }

    @PostMapping("/admin/custom-fields/{id}")
    String change(@PathVariable long id, @RequestParam(defaultValue = "") String label,
            @RequestParam(required = false) String options, @RequestParam(defaultValue = "false") boolean required,
            @RequestParam(defaultValue = "false") boolean active, @RequestParam(required = false) Integer position,
            Actor actor, Model model, RedirectAttributes flash, HttpServletResponse response) {
        actor.requireRole(Role.ADMIN);
        CustomFieldChange change = new CustomFieldChange(label.strip(), options == null ? null : lines(options), required,
                active, position);
        FormProblems problems = FormProblems.validate(validator, change);
        if (problems.isEmpty()) {
            try {
                settings.changeCustomField(id, change.label(), change.options(), required, active, position);
                return saved(flash, "admin.saved", change.label());
            } catch (InvalidRequestException e) {
                problems.add(e);
            }
        }
        response.setStatus(422);
        return page(model, new FieldForm("", "", "TEXT", "", false, null), FormProblems.none(), problems.asGeneral());
    }

    private static List<String> lines(String text) {
        return Arrays.stream(text.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }

    private static String saved(RedirectAttributes flash, String key, String arg) {
        flash.addFlashAttribute("saved", key);
        flash.addFlashAttribute("savedArg", arg);
        return "redirect:/admin/custom-fields";
    }

    private String page(Model model, FieldForm form, FormProblems formProblems, FormProblems rowProblems) {
        model.addAttribute("fields", settings.customFields().stream().map(CustomFieldView::of)
                .map(f -> new FieldRow(f, String.join("\n", f.options()))).toList());
        model.addAttribute("types", CustomFieldDefinition.Type.values());
        model.addAttribute("form", form);
        model.addAttribute("formErrors", formProblems);
        model.addAttribute("errors", rowProblems);
        return "admin/custom-fields";
    }
}
