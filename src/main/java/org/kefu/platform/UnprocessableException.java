package org.kefu.platform;

/** The request is well-formed but cannot be carried out as asked (HTTP 422). */
public class UnprocessableException extends RuntimeException {

    public UnprocessableException(String message) {
        super(message);
    }
}
