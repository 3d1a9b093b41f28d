package org.kefu.ticket.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import org.kefu.platform.Actor;
import org.kefu.platform.ConflictException;
import org.kefu.platform.FormProblems;
import org.kefu.platform.InvalidRequestException;
import org.kefu.platform.Role;
import org.kefu.ticket.TicketSettings;
import org.kefu.ticket.web.TicketSettingsApiController.ComplaintTypeChange;
import org.kefu.ticket.web.TicketSettingsApiController.ComplaintTypeRequest;
import org.kefu.ticket.web.TicketViews.ComplaintTypeView;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin: complaint types (投诉类型) with their names in the three languages, order and active flag. */
@Controller
class AdminComplaintTypesPage {

    private final TicketSettings settings;
    private final Validator validator;

    AdminComplaintTypesPage(TicketSettings settings, Validator validator) {
        this.settings = settings;
        this.validator = validator;
    }

    @ModelAttribute("navSection")
    String navSection() {
        return "admin";
    }

    @GetMapping("/admin/complaint-types")
    String page(Actor actor, Model model) {
        actor.requireRole(Role.ADMIN);
        return page(model, new ComplaintTypeRequest("", "", "", "", null), FormProblems.none(), FormProblems.none());
    }

    @PostMapping("/admin/complaint-types")
    String create(@RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String nameZhCn,
            @RequestParam(defaultValue = "") String nameZhTw, @RequestParam(defaultValue = "") String nameEn,
            @RequestParam(required = false) Integer position, Actor actor, Model model, RedirectAttributes flash,
            HttpServletResponse response) {
        actor.requireRole(Role.ADMIN);
        ComplaintTypeRequest request = new ComplaintTypeRequest(code.strip(), nameZhCn.strip(), nameZhTw.strip(),
                nameEn.strip(), position);
        FormProblems problems = FormProblems.validate(validator, request);
        if (problems.isEmpty()) {
            try {
                settings.createComplaintType(request.code(), request.nameZhCn(), request.nameZhTw(), request.nameEn(),
                        request.position());
                return saved(flash, "admin.types.created", request.nameZhCn());
            } catch (ConflictException e) {
                problems.field("code", e.getMessage());
            } catch (InvalidRequestException e) {
                problems.add(e);
            }
        }
        response.setStatus(422);
        return page(model, request, problems, FormProblems.none());
    }

    @PostMapping("/admin/complaint-types/{id}")
    String change(@PathVariable long id, @RequestParam(defaultValue = "") String nameZhCn,
            @RequestParam(defaultValue = "") String nameZhTw, @RequestParam(defaultValue = "") String nameEn,
            @RequestParam(required = false) Integer position, Actor actor, Model model, RedirectAttributes flash,
            HttpServletResponse response) {
        actor.requireRole(Role.ADMIN);
        ComplaintTypeChange change = new ComplaintTypeChange(nameZhCn.strip(), nameZhTw.strip(), nameEn.strip(), position, null);
        FormProblems problems = FormProblems.validate(validator, change);
        if (problems.isEmpty()) {
            settings.changeComplaintType(id, change.nameZhCn(), change.nameZhTw(), change.nameEn(), position, null);
            return saved(flash, "admin.saved", change.nameZhCn());
        }
        response.setStatus(422);
        return page(model, new ComplaintTypeRequest("", "", "", "", null), FormProblems.none(), problems.asGeneral());
    }

    @PostMapping("/admin/complaint-types/{id}/active")
    String setActive(@PathVariable long id, @RequestParam boolean active, Actor actor, RedirectAttributes flash) {
        actor.requireRole(Role.ADMIN);
        var type = settings.changeComplaintType(id, null, null, null, null, active);
        return saved(flash, active ? "admin.types.activated" : "admin.types.deactivated", type.getNameZhCn());
    }

    private static String saved(RedirectAttributes flash, String key, String arg) {
        flash.addFlashAttribute("saved", key);
        flash.addFlashAttribute("savedArg", arg);
        return "redirect:/admin/complaint-types";
    }

    private String page(Model model, ComplaintTypeRequest form, FormProblems formProblems, FormProblems rowProblems) {
        model.addAttribute("types", settings.complaintTypes().stream().map(ComplaintTypeView::of).toList());
        model.addAttribute("form", form);
        model.addAttribute("formErrors", formProblems);
        model.addAttribute("errors", rowProblems);
        return "admin/complaint-types";
    }
}
