package org.kefu.collaboration;

/** A cross-department question is open until the department answers it or the asker cancels it. */
public enum TaskState {
    OPEN, ANSWERED, CANCELLED
}
