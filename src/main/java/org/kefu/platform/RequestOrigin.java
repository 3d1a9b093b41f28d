package org.kefu.platform;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Where the current HTTP request came from, for the audit log; null outside a request. */
public final class RequestOrigin {

    private RequestOrigin() {
    }

    public static String remoteAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return attributes.getRequest().getRemoteAddr();
        }
        return null;
    }
}
