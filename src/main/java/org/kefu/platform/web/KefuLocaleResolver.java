package org.kefu.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import org.kefu.platform.security.ActorPrincipal;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The UI language of a request: chosen in this session (the switcher, {@code ?lang=}), else the
 * signed-in user's saved preference, else the browser's Accept-Language, else 简体中文.
 */
class KefuLocaleResolver implements LocaleResolver {

    static final String SESSION_KEY = "kefu.locale";

    private final List<UserPreferences> preferences;

    KefuLocaleResolver(List<UserPreferences> preferences) {
        this.preferences = preferences;
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SESSION_KEY) instanceof Locale chosen) {
            return chosen;
        }
        ActorPrincipal user = CurrentUser.principal();
        if (user != null && user.locale() != null) {
            return user.locale();
        }
        if (request.getHeader("Accept-Language") != null) {
            Enumeration<Locale> accepted = request.getLocales();
            while (accepted.hasMoreElements()) {
                Locale match = SupportedLocales.match(accepted.nextElement());
                if (match != null) {
                    return match;
                }
            }
        }
        return SupportedLocales.SIMPLIFIED;
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        Locale supported = SupportedLocales.match(locale);
        if (supported == null) {
            return;
        }
        request.getSession(true).setAttribute(SESSION_KEY, supported);
        ActorPrincipal user = CurrentUser.principal();
        if (user != null) {
            preferences.forEach(p -> p.languageChosen(user.actor().id(), supported));
        }
    }

    /** The principal of the signed-in person, if the request has one. */
    static final class CurrentUser {

        private CurrentUser() {
        }

        static ActorPrincipal principal() {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            return authentication != null && authentication.getPrincipal() instanceof ActorPrincipal p ? p : null;
        }
    }
}
