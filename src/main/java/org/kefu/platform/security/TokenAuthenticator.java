package org.kefu.platform.security;

import java.util.Optional;
import org.kefu.platform.Actor;

/** Resolves a bearer token to the user it belongs to; implemented where tokens are kept. */
public interface TokenAuthenticator {

    Optional<Actor> authenticate(String rawToken);
}
