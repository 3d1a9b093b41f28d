package org.kefu.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StaticResourceUrlEncodingFilterTest {

    private final StaticResourceUrlEncodingFilter filter = new StaticResourceUrlEncodingFilter(Set.of("css", "js", "webjars", "favicon.ico"));

    @Test
    void theStaticLocationsOfTheClassPathGiveTheirFirstSegments() {
        Set<String> roots = StaticResourceUrlEncodingFilter.roots(List.of("classpath:/META-INF/resources/",
                "classpath:/resources/", "classpath:/static/", "classpath:/public/", "/"));
        assertThat(roots).contains("webjars", "css", "js").doesNotContain("tickets", "api", "");
    }

    @Test
    void linksUnderAStaticRootGoToTheResolvers() {
        assertThat(filter.mayBeStatic("/webjars/htmx.org/dist/htmx.min.js", "")).isTrue();
        assertThat(filter.mayBeStatic("/css/app.css?v=1", "")).isTrue();
        assertThat(filter.mayBeStatic("/favicon.ico", "")).isTrue();
        assertThat(filter.mayBeStatic("/desk/js/x.js", "/desk")).isTrue();
    }

    @Test
    void applicationLinksSkipThem() {
        assertThat(filter.mayBeStatic("/tickets/123", "")).isFalse();
        assertThat(filter.mayBeStatic("/tickets?view=all&sort=-updatedAt", "")).isFalse();
        assertThat(filter.mayBeStatic("/cssx/app.css", "")).isFalse();
        assertThat(filter.mayBeStatic("/desk/tickets/1", "/desk")).isFalse();
        assertThat(filter.mayBeStatic("/", "")).isFalse();
    }

    @Test
    void whenUnsureTheResolversDecide() {
        assertThat(filter.mayBeStatic("css/app.css", "")).isTrue();
        assertThat(filter.mayBeStatic("https://example.com/x", "")).isTrue();
    }
}
