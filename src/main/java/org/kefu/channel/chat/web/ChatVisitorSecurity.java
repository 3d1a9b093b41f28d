package org.kefu.channel.chat.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.kefu.channel.chat.ChatChannel;
import org.kefu.channel.chat.ChatChannels;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;

/**
 * The chat widget and its visitor API are public: no agent session, no CSRF token (the visitor
 * token in a header or the stream URL is the credential, and no cookie is involved), and
 * cross-origin calls only from the origins the channel allows. Its own chain sits before the agent
 * web chain (order 3, which matches every path); the agent console under /chat/console stays there.
 */
@Configuration(proxyBeanMethods = false)
class ChatVisitorSecurity {

    static final String WIDGET = "/chat/widget.js";
    static final String API = "/chat/api/";

    @Bean
    @Order(2)
    SecurityFilterChain chatVisitorChain(HttpSecurity http, ChatChannels channels) throws Exception {
        http.securityMatcher(WIDGET, API + "**")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.disable())
                .anonymous(anonymous -> anonymous.disable())
                .cors(cors -> cors.configurationSource(new ChannelOrigins(channels)))
                .headers(headers -> headers
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
        return http.build();
    }

    /** CORS per channel: the key is the path segment after /chat/api/; the widget script itself may be loaded by anyone. */
    static final class ChannelOrigins implements CorsConfigurationSource {

        private final ChatChannels channels;

        ChannelOrigins(ChatChannels channels) {
            this.channels = channels;
        }

        @Override
        public CorsConfiguration getCorsConfiguration(HttpServletRequest request) {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            if (path.equals(WIDGET)) {
                CorsConfiguration any = new CorsConfiguration();
                any.addAllowedOrigin("*");
                any.setAllowedMethods(List.of("GET"));
                return any;
            }
            if (!path.startsWith(API)) {
                return null;
            }
            String rest = path.substring(API.length());
            String key = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
            CorsConfiguration config = new CorsConfiguration();
            config.setAllowedOrigins(channels.active(key).map(ChatChannel::allowedOrigins).orElse(List.of()));
            config.setAllowedMethods(List.of("GET", "POST"));
            config.setAllowedHeaders(List.of("Content-Type", ChatVisitorController.TOKEN_HEADER, "Accept-Language",
                    "Last-Event-ID"));
            config.setExposedHeaders(List.of("Retry-After"));
            config.setAllowCredentials(false);
            config.setMaxAge(600L);
            return config;
        }
    }
}
