package org.kefu.platform.security;

/** Security headers shared by every chain that serves pages (agents, portal, invitations). */
public final class PagePolicy {

    /** Scripts only from the desk itself, no inline scripts, no plugins, no framing by others. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'self'";

    private PagePolicy() {
    }
}
