package org.kefu.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.kefu.platform.security.ActorPrincipal;
import org.kefu.platform.security.Actors;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/**
 * Puts the signed-in person into every page model as {@code me} (null on public pages). An interceptor rather than a
 * {@code @ModelAttribute} advice: an advice for {@code @Controller} also applies to every {@code @RestController},
 * and Spring MVC then builds a model factory for each API request that renders no page (2–3 % of a ticket create's
 * CPU on the request thread).
 */
final class CurrentUserInModel implements HandlerInterceptor {

    static final String ATTRIBUTE = "me";

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView page) {
        if (page == null || page.getModelMap().containsAttribute(ATTRIBUTE)
                || page.getViewName() != null && page.getViewName().startsWith("redirect:")) {
            return;
        }
        page.addObject(ATTRIBUTE, Actors.principal().map(ActorPrincipal::actor).orElse(null));
    }
}
