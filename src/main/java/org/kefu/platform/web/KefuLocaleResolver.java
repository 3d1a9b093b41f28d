package org.kefu.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import org.kefu.platform.security.ActorPrincipal;
import org.kefu.platform.security.Actors;
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
        Locale saved = Actors.principal().map(ActorPrincipal::locale).orElse(null);
        if (saved != null) {
            return saved;
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
        Actors.principal().ifPresent(user -> preferences.forEach(p -> p.languageChosen(user.actor().id(), supported)));
    }
}
