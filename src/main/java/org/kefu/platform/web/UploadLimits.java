package org.kefu.platform.web;

import jakarta.servlet.MultipartConfigElement;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * How large a multipart upload may be. The per-file limit ({@code kefu.attachments.max-bytes}) is
 * checked by the code that stores the file, so its 413 can name the file; here the whole request
 * is capped at {@code max-count} files of {@code max-bytes} plus one JSON-sized text part, and only
 * on the paths that take uploads ({@code kefu.api.upload-paths}). Every other API request keeps the
 * JSON limit. This replaces Spring Boot's {@code spring.servlet.multipart.max-*} settings.
 */
@Configuration(proxyBeanMethods = false)
class UploadLimits {

    private final long maxRequestBytes;
    private final List<PathPattern> uploadPaths;

    UploadLimits(@Value("${kefu.attachments.max-bytes}") DataSize maxFileBytes,
            @Value("${kefu.attachments.max-count}") int maxCount,
            @Value("${kefu.api.max-request-bytes}") DataSize jsonLimit,
            @Value("${kefu.api.upload-paths}") List<String> uploadPaths) {
        this.maxRequestBytes = Math.multiplyExact(maxFileBytes.toBytes(), Math.max(1, maxCount)) + jsonLimit.toBytes();
        this.uploadPaths = uploadPaths.stream().map(String::strip).filter(p -> !p.isEmpty())
                .map(PathPatternParser.defaultInstance::parse).toList();
    }

    /** The largest multipart request an upload path accepts. */
    long maxRequestBytes() {
        return maxRequestBytes;
    }

    boolean isUploadPath(String path) {
        var container = org.springframework.http.server.PathContainer.parsePath(path);
        return uploadPaths.stream().anyMatch(p -> p.matches(container));
    }

    /** Files go to disk at once (threshold 0); single files are limited by the storing code, the request here. */
    @Bean
    MultipartConfigElement multipartConfigElement() {
        return new MultipartConfigElement("", -1, maxRequestBytes, 0);
    }
}
