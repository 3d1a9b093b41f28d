package org.kefu.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kefu.support.Api;
import org.kefu.support.IntegrationTest;

/** API clients always get problem+json, people always get a page, also when no controller matches. */
class ErrorResponsesIT extends IntegrationTest {

    @Test
    void anUnknownApiPathIsAProblemNotAPage() {
        Api.Response r = admin.get("/api/v1/no-such-thing");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.raw()).doesNotContain("<html").doesNotContain("Exception");
    }

    @Test
    void aWrongMethodOnTheApiIsAProblem() {
        Api.Response r = admin.raw("PUT", "/api/v1/me", "{}", Map.of("Content-Type", "application/json"));
        assertThat(r.status()).isEqualTo(405);
        assertThat(r.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aSignInPageIsServedAsHtmlWithASecurityPolicy() {
        Api.Response r = new Api(port, null).get("/login");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("text/html");
        assertThat(r.header("Content-Security-Policy")).contains("script-src 'self'");
    }
}
