package org.kefu.agent.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.kefu.agent.AgentDirectory;
import org.kefu.agent.IssuingApiTokens;
import org.kefu.agent.web.AgentApiController.TokenRequest;
import org.kefu.agent.web.AgentViews.TokenView;
import org.kefu.platform.Actor;
import org.kefu.platform.FormProblems;
import org.kefu.platform.NotFoundException;
import org.kefu.platform.Role;
import org.kefu.platform.web.Times;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admin: API tokens. A new token's secret travels once, as a flash attribute, to the page after
 * the redirect; reloading that page (or any other) never shows it again — the desk keeps only its hash.
 */
@Controller
class AdminTokensPage {

    private final IssuingApiTokens tokens;
    private final AgentDirectory directory;
    private final Validator validator;
    private final Times times;
    private final Clock clock;

    AdminTokensPage(IssuingApiTokens tokens, AgentDirectory directory, Validator validator, Times times, Clock clock) {
        this.clock = clock;
        this.tokens = tokens;
        this.directory = directory;
        this.validator = validator;
        this.times = times;
    }

    /** The create form as typed; the expiry is a date in the admin's time zone (the token ends at its start). */
    record TokenForm(String name, Long agentId, String expiresOn) {
    }

    record AgentChoice(long id, String label) {
    }

    @ModelAttribute("navSection")
    String navSection() {
        return "admin";
    }

    @GetMapping("/admin/tokens")
    @Transactional(readOnly = true)
    String list(Actor actor, Model model) {
        actor.requireRole(Role.ADMIN);
        return page(model, new TokenForm("", null, ""), FormProblems.none());
    }

    @PostMapping("/admin/tokens")
    String create(@RequestParam(defaultValue = "") String name, @RequestParam(required = false) Long agentId,
            @RequestParam(defaultValue = "") String expiresOn, Actor actor, Model model, RedirectAttributes flash,
            HttpServletResponse response) {
        actor.requireRole(Role.ADMIN);
        TokenForm form = new TokenForm(name, agentId, expiresOn);
        FormProblems problems = FormProblems.none();
        Instant expiresAt = null;
        if (!expiresOn.isBlank()) {
            try {
                expiresAt = LocalDate.parse(expiresOn.strip()).atStartOfDay(times.zone()).toInstant();
            } catch (DateTimeParseException e) {
                problems.field("expiresAt", "must be a date such as 2030-12-31");
            }
        }
        if (problems.isEmpty()) {
            TokenRequest request = new TokenRequest(name.strip(), agentId, expiresAt);
            problems = FormProblems.validate(validator, request);
            if (problems.isEmpty()) {
                try {
                    IssuingApiTokens.IssuedToken issued = tokens.issue(agentId, request.name(), expiresAt, actor.id());
                    flash.addFlashAttribute("secret", issued.secret());
                    return "redirect:/admin/tokens/" + issued.token().getId() + "/created";
                } catch (NotFoundException e) {
                    problems.field("agentId", e.getMessage());
                }
            }
        }
        response.setStatus(422);
        return page(model, form, problems);
    }

    @GetMapping("/admin/tokens/{id}/created")
    @Transactional(readOnly = true)
    String created(@PathVariable long id, Actor actor, Model model) {
        actor.requireRole(Role.ADMIN);
        model.addAttribute("token", TokenView.of(tokens.get(id)));
        return "admin/token-created";
    }

    @PostMapping("/admin/tokens/{id}/revoke")
    String revoke(@PathVariable long id, Actor actor, RedirectAttributes flash) {
        actor.requireRole(Role.ADMIN);
        String name = tokens.revoke(id, actor).getName();
        flash.addFlashAttribute("saved", "admin.tokens.revoked");
        flash.addFlashAttribute("savedArg", name);
        return "redirect:/admin/tokens";
    }

    private String page(Model model, TokenForm form, FormProblems problems) {
        model.addAttribute("tokens", tokens.list().stream().map(TokenView::of).toList());
        model.addAttribute("agents", directory.agents().stream()
                .filter(a -> a.isActive()).map(a -> new AgentChoice(a.getId(), a.getDisplayName() + " <" + a.getEmail() + ">")).toList());
        model.addAttribute("now", clock.instant());
        model.addAttribute("form", form);
        model.addAttribute("errors", problems);
        return "admin/tokens";
    }
}
