package org.kefu.knowledge.web;

import java.util.List;
import org.kefu.platform.security.PagePolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.cors.CorsConfiguration;

/**
 * The public help centre's filter chain, beside the portal's and the chat visitors' (order 2): no sign-in, CSRF
 * tokens on the few posts (ratings, deflections), the desk's strict Content-Security-Policy, and CORS for the JSON
 * search only, so a chat widget on a customer's own site may call it (public data, no cookies).
 */
@Configuration(proxyBeanMethods = false)
class HelpSecurityConfig {

    @Bean
    @Order(2)
    SecurityFilterChain helpChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/help", "/help/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .requestCache(cache -> cache.disable())
                .cors(cors -> cors.configurationSource(request -> {
                    if (!request.getRequestURI().endsWith("/help/search.json")) {
                        return null;
                    }
                    CorsConfiguration any = new CorsConfiguration();
                    any.addAllowedOrigin("*");
                    any.setAllowedMethods(List.of("GET"));
                    any.setAllowCredentials(false);
                    return any;
                }))
                .headers(headers -> headers
                        .addHeaderWriter(new ContentSecurityPolicyHeaderWriter(PagePolicy.CONTENT_SECURITY_POLICY))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }
}
