package org.kefu.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Spring's {@link ResourceUrlEncodingFilter} (switched on because webjars-locator-lite is present) turns a version-free
 * webjar link into a versioned one, but it asks the static-resource resolvers about every link a page builds: each
 * {@code /tickets/123} is looked up as a class path resource in every jar of the application, and a miss is never
 * cached. On the workspace page (50 rows, several links each) that was about 40 % of the request's CPU. This filter
 * does the same rewriting, but only for links whose first path segment is something the static locations hold
 * ({@code webjars}, {@code css}, {@code js}, …); every other link goes straight to the container's
 * {@code encodeURL}, which is what the resolvers' miss led to anyway.
 */
class StaticResourceUrlEncodingFilter extends ResourceUrlEncodingFilter {

    private final Set<String> roots;

    StaticResourceUrlEncodingFilter(Set<String> roots) {
        this.roots = Set.copyOf(roots);
    }

    /** The first path segments of everything under the given static locations (e.g. {@code classpath:/static/}). */
    static Set<String> roots(List<String> locations) {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        Set<String> roots = new HashSet<>();
        for (String location : locations) {
            if (!location.startsWith("classpath:")) {
                continue;
            }
            String folder = location.substring("classpath:".length()).replaceAll("^/+", "");
            folder = folder.endsWith("/") ? folder : folder + "/";
            try {
                for (Resource resource : resolver.getResources("classpath*:" + folder + "**")) {
                    String url = resource.getURL().toString();
                    int at = url.lastIndexOf(folder);
                    if (at >= 0) {
                        String rest = url.substring(at + folder.length());
                        int slash = rest.indexOf('/');
                        String first = slash < 0 ? rest : rest.substring(0, slash);
                        if (!first.isEmpty()) {
                            roots.add(first);
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return roots;
    }

    Set<String> roots() {
        return roots;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!(request instanceof HttpServletRequest http) || !(response instanceof HttpServletResponse original)) {
            super.doFilter(request, response, chain);
            return;
        }
        String contextPath = http.getContextPath();
        super.doFilter(request, response, (wrappedRequest, wrappedResponse) -> chain.doFilter(wrappedRequest,
                new OnlyStaticLinks((HttpServletResponse) wrappedResponse, original, contextPath)));
    }

    /** True if {@code url} may name a static resource; when unsure, true (the resolvers then decide, as before). */
    boolean mayBeStatic(String url, String contextPath) {
        String path = url;
        if (!contextPath.isEmpty() && path.startsWith(contextPath)) {
            path = path.substring(contextPath.length());
        }
        if (!path.startsWith("/")) {
            return true;
        }
        int end = 1;
        while (end < path.length() && "/?#;".indexOf(path.charAt(end)) < 0) {
            end++;
        }
        return roots.contains(path.substring(1, end));
    }

    private final class OnlyStaticLinks extends HttpServletResponseWrapper {

        private final HttpServletResponse original;
        private final String contextPath;

        OnlyStaticLinks(HttpServletResponse resourceEncoding, HttpServletResponse original, String contextPath) {
            super(resourceEncoding);
            this.original = original;
            this.contextPath = contextPath;
        }

        @Override
        public String encodeURL(String url) {
            return mayBeStatic(url, contextPath) ? super.encodeURL(url) : original.encodeURL(url);
        }
    }
}
