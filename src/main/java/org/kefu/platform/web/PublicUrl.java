package org.kefu.platform.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Where people reach the desk, for links in mail (portal sign-in links, agent invitations):
 * {@code kefu.public-url}, else the scheme, host and context path of the current request. Never
 * ends with a slash.
 */
@Component
public class PublicUrl {

    private final String configured;

    PublicUrl(@Value("${kefu.public-url:}") String configured) {
        this.configured = withoutTrailingSlash(configured.strip());
    }

    /** Needs a current request when {@code kefu.public-url} is not set. */
    public String get() {
        return configured.isEmpty()
                ? withoutTrailingSlash(ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString())
                : configured;
    }

    private static String withoutTrailingSlash(String url) {
        return url.replaceAll("/+$", "");
    }
}
