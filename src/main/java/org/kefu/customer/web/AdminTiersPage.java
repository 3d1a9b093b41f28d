package org.kefu.customer.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import org.kefu.customer.CustomerDirectory;
import org.kefu.customer.web.CustomerApiController.TierRequest;
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

/** Admin: customer tiers (客户等级); a higher rank is served first. */
@Controller
class AdminTiersPage {

    private final CustomerDirectory directory;
    private final Validator validator;

    AdminTiersPage(CustomerDirectory directory, Validator validator) {
        this.directory = directory;
        this.validator = validator;
    }

    @ModelAttribute("navSection")
    String navSection() {
        return "admin";
    }

    @GetMapping("/admin/tiers")
    String page(Actor actor, Model model) {
        actor.requireRole(Role.ADMIN);
        return page(model, new TierRequest("", "", null), FormProblems.none(), FormProblems.none());
    }

    @PostMapping("/admin/tiers")
    String create(@RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String name,
            @RequestParam(required = false) Integer rank, Actor actor, Model model, RedirectAttributes flash,
            HttpServletResponse response) {
        actor.requireRole(Role.ADMIN);
        TierRequest request = new TierRequest(code.strip(), name.strip(), rank);
        FormProblems problems = FormProblems.validate(validator, request);
        if (problems.isEmpty()) {
            try {
                directory.createTier(request.code(), request.name(), request.rank());
                return saved(flash, "admin.tiers.created", request.name());
            } catch (ConflictException e) {
                problems.field("code", e.getMessage());
            } catch (InvalidRequestException e) {
                problems.add(e);
            }
        }
        response.setStatus(422);
        return page(model, request, problems, FormProblems.none());
    }

    @PostMapping("/admin/tiers/{id}")
    String update(@PathVariable long id, @RequestParam(defaultValue = "") String name,
            @RequestParam(required = false) Integer rank, Actor actor, Model model, RedirectAttributes flash,
            HttpServletResponse response) {
        actor.requireRole(Role.ADMIN);
        // the code never changes; the API checks the same record, so a placeholder stands in for it
        TierRequest request = new TierRequest("-", name.strip(), rank);
        FormProblems problems = FormProblems.validate(validator, request);
        if (problems.isEmpty()) {
            directory.updateTier(id, request.name(), request.rank());
            return saved(flash, "admin.saved", request.name());
        }
        response.setStatus(422);
        return page(model, new TierRequest("", "", null), FormProblems.none(), problems.asGeneral());
    }

    private static String saved(RedirectAttributes flash, String key, String arg) {
        flash.addFlashAttribute("saved", key);
        flash.addFlashAttribute("savedArg", arg);
        return "redirect:/admin/tiers";
    }

    private String page(Model model, TierRequest form, FormProblems formProblems, FormProblems rowProblems) {
        model.addAttribute("tiers", directory.tiers().stream().map(CustomerView.TierView::of).toList());
        model.addAttribute("form", form);
        model.addAttribute("formErrors", formProblems);
        model.addAttribute("errors", rowProblems);
        return "admin/tiers";
    }
}
