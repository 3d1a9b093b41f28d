package org.kefu.agent;

/** Whether an agent can take work right now. */
public enum Presence {
    AVAILABLE, BUSY, AWAY, OFFLINE
}
