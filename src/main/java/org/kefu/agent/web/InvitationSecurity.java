package org.kefu.agent.web;

import org.kefu.platform.security.PagePolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The invitation page is public: whoever holds the one-time link may set the first password.
 * Its own chain sits before the agent web chain (order 3, which matches every path). Order 2 is
 * shared with the portal chain; that is fine because the matchers do not overlap. CSRF stays on,
 * the Content-Security-Policy is the same as on the agent pages, and the link never leaks
 * through the Referer header.
 */
@Configuration(proxyBeanMethods = false)
class InvitationSecurity {


    @Bean
    @Order(2)
    SecurityFilterChain invitationChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/invite/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .requestCache(cache -> cache.disable())
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(PagePolicy.CONTENT_SECURITY_POLICY))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
        return http.build();
    }
}
