package org.kefu.platform.security;

import org.kefu.platform.Actor;

/** A principal (for example a form-login user) that knows the {@link Actor} it stands for. */
public interface ActorPrincipal {

    Actor actor();
}
