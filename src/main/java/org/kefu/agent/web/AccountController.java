package org.kefu.agent.web;

import org.kefu.agent.AgentDirectory;
import org.kefu.platform.Actor;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The signed-in agent's own account: changing the password. */
@Controller
class AccountController {

    static final int MIN_PASSWORD_LENGTH = 10;

    private final AgentDirectory directory;
    private final MessageSource messages;

    AccountController(AgentDirectory directory, MessageSource messages) {
        this.directory = directory;
        this.messages = messages;
    }

    @GetMapping("/account/password")
    String form(Model model) {
        model.addAttribute("minLength", MIN_PASSWORD_LENGTH);
        return "platform/password";
    }

    @PostMapping("/account/password")
    String change(@RequestParam String current, @RequestParam String next, @RequestParam String confirm, Actor me,
            Model model) {
        model.addAttribute("minLength", MIN_PASSWORD_LENGTH);
        if (next.length() < MIN_PASSWORD_LENGTH) {
            return problem(model, "password.tooShort", MIN_PASSWORD_LENGTH);
        }
        if (!next.equals(confirm)) {
            return problem(model, "password.mismatch");
        }
        if (!directory.changeOwnPassword(me.id(), current, next)) {
            return problem(model, "password.wrongCurrent");
        }
        model.addAttribute("changed", true);
        return "platform/password";
    }

    private String problem(Model model, String key, Object... args) {
        model.addAttribute("problem", messages.getMessage(key, args, LocaleContextHolder.getLocale()));
        return "platform/password";
    }
}
