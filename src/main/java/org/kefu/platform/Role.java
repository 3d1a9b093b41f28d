package org.kefu.platform;

/** What a signed-in user may do. Ordered from least to most powerful. */
public enum Role {
    AGENT, SUPERVISOR, ADMIN;

    public boolean atLeast(Role other) {
        return compareTo(other) >= 0;
    }
}
