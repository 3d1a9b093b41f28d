package org.kefu.platform.security;

import java.util.List;
import org.kefu.platform.Actor;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A request authenticated by an API token, acting as the token's user. */
final class ApiTokenAuthentication extends AbstractAuthenticationToken {

    private final Actor actor;

    ApiTokenAuthentication(Actor actor) {
        super(List.of(new SimpleGrantedAuthority("ROLE_" + actor.role().name())));
        this.actor = actor;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return actor;
    }

    @Override
    public String getName() {
        return actor.email();
    }
}
