package org.kefu.platform;

/** The thing asked for does not exist, or the caller may not know that it exists. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, Object id) {
        super(what + " " + id + " was not found.");
    }
}
