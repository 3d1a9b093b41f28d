package org.kefu.agent.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Where people reach the desk, for links in mail: {@code kefu.public-url}, else the current request's host. */
@Component
class PublicUrl {

    private final String configured;

    PublicUrl(@Value("${kefu.public-url:}") String configured) {
        this.configured = configured.strip();
    }

    String get() {
        return configured.isEmpty() ? ServletUriComponentsBuilder.fromCurrentContextPath().toUriString() : configured;
    }
}
