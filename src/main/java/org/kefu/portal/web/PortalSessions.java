package org.kefu.portal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.kefu.portal.PortalCustomer;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Portal sign-ins live in the session under their own key, apart from the agents' security
 * context: an agent's session is not a customer's, and a customer's session is nothing to the
 * agent pages or the API.
 */
@Component
class PortalSessions {

    static final String CONTEXT_KEY = "KEFU_PORTAL_SECURITY_CONTEXT";
    static final String ROLE = "ROLE_CUSTOMER";

    private final HttpSessionSecurityContextRepository repository = new HttpSessionSecurityContextRepository();

    PortalSessions() {
        repository.setSpringSecurityContextKey(CONTEXT_KEY);
    }

    HttpSessionSecurityContextRepository repository() {
        return repository;
    }

    /** Signs the customer in: a new session id (no fixation), then the context under the portal's key. */
    void signIn(PortalCustomer customer, HttpServletRequest request, HttpServletResponse response) {
        request.getSession(true);
        request.changeSessionId();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(customer, null,
                List.of(new SimpleGrantedAuthority(ROLE))));
        SecurityContextHolder.setContext(context);
        repository.saveContext(context, request, response);
    }
}
