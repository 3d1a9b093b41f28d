package org.kefu.platform.web;

import org.kefu.platform.Actor;
import org.kefu.platform.security.ActorPrincipal;
import org.kefu.platform.security.Actors;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the signed-in person into every page model as {@code me} (null on public pages). */
@ControllerAdvice(annotations = Controller.class)
class CurrentUserAdvice {

    @ModelAttribute("me")
    Actor me() {
        return Actors.principal().map(ActorPrincipal::actor).orElse(null);
    }
}
