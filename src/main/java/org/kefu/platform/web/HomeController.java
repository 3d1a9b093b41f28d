package org.kefu.platform.web;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

    /** Agents land on their workspace; everybody else on the sign-in page. */
    @GetMapping("/")
    String home(Authentication authentication) {
        boolean signedIn = authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
        return signedIn ? "redirect:/tickets" : "redirect:/login";
    }

    @GetMapping("/login")
    String login() {
        return "platform/login";
    }
}
