package org.kefu.portal.web;

import org.kefu.platform.security.PagePolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The customer portal's own filter chain, between the API (1) and the agent pages (3): customers
 * sign in with a link or a password (see {@code PortalAuthController}), the session holds their
 * context under a key of its own, CSRF tokens protect every change, and the same strict
 * Content-Security-Policy as the agent pages forbids inline scripts.
 */
@Configuration(proxyBeanMethods = false)
class PortalSecurityConfig {


    @Bean
    @Order(2)
    SecurityFilterChain portalChain(HttpSecurity http, PortalSessions sessions) throws Exception {
        http.securityMatcher("/portal", "/portal/**")
                .securityContext(context -> context.securityContextRepository(sessions.repository()))
                .requestCache(cache -> cache.disable())
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/portal", "/portal/", "/portal/login", "/portal/link", "/portal/auth",
                                "/portal/new", "/portal/submitted").permitAll()
                        .anyRequest().hasAuthority(PortalSessions.ROLE))
                .exceptionHandling(e -> e.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/portal/login")))
                .logout(logout -> logout.logoutUrl("/portal/logout")
                        .logoutSuccessUrl("/portal/login?signedOut")
                        // keep the session: the same browser may also hold an agent's sign-in
                        .invalidateHttpSession(false)
                        .addLogoutHandler((request, response, authentication) -> {
                            var session = request.getSession(false);
                            if (session != null) {
                                session.removeAttribute(PortalSessions.CONTEXT_KEY);
                            }
                        }))
                .headers(headers -> headers
                        .addHeaderWriter(new ContentSecurityPolicyHeaderWriter(PagePolicy.CONTENT_SECURITY_POLICY))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }
}
