package org.kefu.portal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.kefu.portal.PortalCustomer;
import org.kefu.platform.web.PublicUrl;
import org.kefu.portal.PortalSignIn;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Signing in to the portal: by a one-time link sent by mail, or by email and password; and choosing a password. */
@Controller
class PortalAuthController {

    private final PortalSignIn signIn;
    private final PortalSessions sessions;
    private final PublicUrl publicUrl;

    PortalAuthController(PortalSignIn signIn, PortalSessions sessions, PublicUrl publicUrl) {
        this.publicUrl = publicUrl;
        this.signIn = signIn;
        this.sessions = sessions;
    }

    @GetMapping({"/portal", "/portal/"})
    String home(@AuthenticationPrincipal PortalCustomer customer) {
        return customer == null ? "redirect:/portal/login" : "redirect:/portal/tickets";
    }

    @GetMapping("/portal/login")
    String loginPage(@AuthenticationPrincipal PortalCustomer customer) {
        return customer == null ? "portal/login" : "redirect:/portal/tickets";
    }

    @PostMapping("/portal/link")
    String requestLink(@RequestParam(defaultValue = "") String email, HttpServletRequest request, Model model, Locale locale) {
        String address = email.strip();
        if (address.isEmpty() || address.length() > 320 || !address.matches("[^@\\s]+@[^@\\s]+")) {
            model.addAttribute("linkEmail", address);
            model.addAttribute("linkError", "portal.login.email.invalid");
            return "portal/login";
        }
        PortalSignIn.LinkRequest outcome = signIn.requestLink(address, request.getRemoteAddr(), publicUrl.get(), locale);
        return outcome == PortalSignIn.LinkRequest.TOO_MANY ? "redirect:/portal/login?tooMany" : "redirect:/portal/login?sent";
    }

    @GetMapping("/portal/auth")
    String followLink(@RequestParam(required = false) String token, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        PortalSignIn.LinkSignIn outcome = signIn.useLink(token);
        if (outcome.result() == PortalSignIn.LinkResult.SIGNED_IN) {
            sessions.signIn(outcome.customer(), request, response);
            return "redirect:/portal/tickets";
        }
        response.setStatus(outcome.result() == PortalSignIn.LinkResult.UNKNOWN ? HttpStatus.NOT_FOUND.value()
                : HttpStatus.GONE.value());
        model.addAttribute("reason", outcome.result().name());
        return "portal/link-invalid";
    }

    @PostMapping("/portal/login")
    String passwordSignIn(@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String password,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        var outcome = signIn.signIn(email, password);
        if (outcome.customer().isPresent()) {
            sessions.signIn(outcome.customer().get(), request, response);
            return "redirect:/portal/tickets";
        }
        model.addAttribute("passwordEmail", email.strip());
        model.addAttribute("passwordError", true);
        response.setStatus(HttpStatus.UNAUTHORIZED.value());
        return "portal/login";
    }

    @GetMapping("/portal/account")
    String account(@AuthenticationPrincipal PortalCustomer customer, Model model) {
        model.addAttribute("hasPassword", signIn.hasPassword(customer.customerId()));
        model.addAttribute("minLength", PortalSignIn.MIN_PASSWORD_LENGTH);
        return "portal/account";
    }

    @PostMapping("/portal/account/password")
    String choosePassword(@AuthenticationPrincipal PortalCustomer customer, @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String confirm, Model model, HttpServletResponse response) {
        String error = password.length() < PortalSignIn.MIN_PASSWORD_LENGTH || password.length() > 200
                ? "portal.account.password.tooShort" : !password.equals(confirm) ? "portal.account.password.mismatch" : null;
        if (error != null) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("passwordError", error);
            model.addAttribute("hasPassword", signIn.hasPassword(customer.customerId()));
            model.addAttribute("minLength", PortalSignIn.MIN_PASSWORD_LENGTH);
            return "portal/account";
        }
        signIn.choosePassword(customer.customerId(), password);
        return "redirect:/portal/account?saved";
    }
}
