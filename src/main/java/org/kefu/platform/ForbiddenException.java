package org.kefu.platform;

/** The caller is known but its role does not allow the action. */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}
