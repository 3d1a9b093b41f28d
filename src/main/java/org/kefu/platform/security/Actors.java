package org.kefu.platform.security;

import org.kefu.platform.Actor;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Reads the {@link Actor} of the current request from the security context. */
public final class Actors {

    private Actors() {
    }

    /** The signed-in person's principal (an agent in a page session), if the request has one. */
    public static java.util.Optional<ActorPrincipal> principal() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof ActorPrincipal p
                ? java.util.Optional.of(p) : java.util.Optional.empty();
    }

    public static Actor current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null) {
            Object principal = authentication.getPrincipal();
            if (principal instanceof Actor actor) {
                return actor;
            }
            if (principal instanceof ActorPrincipal holder) {
                return holder.actor();
            }
        }
        throw new AuthenticationCredentialsNotFoundException("No signed-in user");
    }
}
