package org.kefu.platform.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.config.observation.SecurityObservationSettings;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    /** The REST API: stateless, bearer tokens only, every answer problem+json. */
    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, TokenAuthenticator tokens) throws Exception {
        http.securityMatcher("/api/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .addFilterBefore(new BearerTokenFilter(tokens), AnonymousAuthenticationFilter.class)
                // webhook gateways authenticate by the message signature (channel.webhook), not a token
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/api/v1/channels/webhook/*"))
                        .permitAll()
                        .anyRequest().authenticated())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> ProblemResponses.write(response, 401,
                                "Unauthorized", "Send an API token as 'Authorization: Bearer <token>'."))
                        .accessDeniedHandler((request, response, ex) -> ProblemResponses.write(response, 403,
                                "Forbidden", "Your role does not allow this.")));
        return http.build();
    }

    /**
     * Pages for people: form sign-in with a session cookie, CSRF tokens on every change (htmx sends
     * the token as a header, see kefu.js), and a strict Content-Security-Policy: no inline scripts,
     * so even a missed escape in customer text cannot run code.
     */
    @Bean
    @Order(3)
    SecurityFilterChain webChain(HttpSecurity http, FreshPrincipals principals) throws Exception {
        RequestMatcher swagger = new OrRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**"),
                PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui.html"));
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/", "/error", "/login", "/favicon.ico", "/webjars/**", "/css/**", "/js/**",
                                "/img/**", "/actuator/health/**", "/actuator/prometheus", "/v3/api-docs/**",
                                "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").permitAll()
                        .failureHandler(new SignInFailureHandler())
                        .defaultSuccessUrl("/tickets"))
                .logout(logout -> logout.logoutSuccessUrl("/login?signedOut"))
                .addFilterAfter(new FreshSessionFilter(principals), SecurityContextHolderFilter.class)
                .headers(headers -> headers
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(swagger),
                                new ContentSecurityPolicyHeaderWriter(PagePolicy.CONTENT_SECURITY_POLICY)))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }


    /** Sends a locked-out user to a page that says so, everyone else to the plain "wrong email or password". */
    static final class SignInFailureHandler implements AuthenticationFailureHandler {

        @Override
        public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                AuthenticationException exception) throws IOException {
            String reason = exception instanceof LockedException ? "locked"
                    : exception instanceof DisabledException ? "disabled" : "error";
            response.sendRedirect(request.getContextPath() + "/login?" + reason);
        }
    }

    /**
     * Spring Security would wrap each of its ~15 filters, and the authentication and authorisation managers, in an
     * observation (a timer per filter per request): measurable CPU on every request and nothing we chart;
     * {@code http.server.requests} still times whole requests.
     */
    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    OpenAPI kefuOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Kefu API").version("v1")
                        .description("Tickets, customers, agents and their organisation. Authenticate with an API token."))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
