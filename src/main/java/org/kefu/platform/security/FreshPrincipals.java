package org.kefu.platform.security;

import java.util.Optional;

/**
 * Keeps signed-in sessions in step with their accounts: when an account changes (role,
 * departments, deactivation) its open sessions pick up the change on their next request instead
 * of acting on what was true at sign-in. Implemented by the module that owns the accounts.
 */
public interface FreshPrincipals {

    /**
     * Empty if the principal is still current; otherwise the reloaded principal, or a principal
     * whose {@code isEnabled()/isAccountNonLocked()} say the session must end.
     */
    Optional<org.springframework.security.core.userdetails.UserDetails> refreshIfChanged(ActorPrincipal principal);
}
