package org.kefu.ticket;

/** P1 is the most urgent. */
public enum Priority {
    P1, P2, P3, P4
}
