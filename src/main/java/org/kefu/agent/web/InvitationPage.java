package org.kefu.agent.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.kefu.agent.Agent;
import org.kefu.agent.InvitingAgents;
import org.kefu.platform.FormProblems;
import org.kefu.platform.InvalidRequestException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The public page behind an invitation link: the invited agent sets a first password. */
@Controller
class InvitationPage {

    private final InvitingAgents inviting;
    private final MessageSource messages;

    InvitationPage(InvitingAgents inviting, MessageSource messages) {
        this.inviting = inviting;
        this.messages = messages;
    }

    @GetMapping("/invite/accept")
    String form(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
        Optional<Agent> invitee = inviting.invitee(token);
        if (invitee.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_GONE);
            return "admin/invite-invalid";
        }
        return page(model, token, invitee.get(), FormProblems.none());
    }

    @PostMapping("/invite/accept")
    String accept(@RequestParam(required = false) String token, @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String confirm, Model model, HttpServletResponse response) {
        Optional<Agent> invitee = inviting.invitee(token);
        if (invitee.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_GONE);
            return "admin/invite-invalid";
        }
        FormProblems problems = FormProblems.none();
        if (password.length() < InvitingAgents.MIN_PASSWORD_LENGTH) {
            problems.field("password", text("password.tooShort", InvitingAgents.MIN_PASSWORD_LENGTH));
        } else if (!password.equals(confirm)) {
            problems.field("confirm", text("password.mismatch"));
        } else {
            try {
                if (inviting.accept(token, password).isPresent()) {
                    return "redirect:/invite/done";
                }
                response.setStatus(HttpServletResponse.SC_GONE);
                return "admin/invite-invalid";
            } catch (InvalidRequestException e) {
                problems.add(e);
            }
        }
        response.setStatus(422);
        return page(model, token, invitee.get(), problems);
    }

    @GetMapping("/invite/done")
    String done() {
        return "admin/invite-done";
    }

    private String page(Model model, String token, Agent invitee, FormProblems problems) {
        model.addAttribute("token", token);
        model.addAttribute("invitee", invitee.getDisplayName());
        model.addAttribute("inviteeEmail", invitee.getEmail());
        model.addAttribute("minLength", InvitingAgents.MIN_PASSWORD_LENGTH);
        model.addAttribute("errors", problems);
        return "admin/invite-accept";
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
