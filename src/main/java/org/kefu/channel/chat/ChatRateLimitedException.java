package org.kefu.channel.chat;

/** A visitor or an IP address sent too much; answered with 429 and Retry-After. */
public class ChatRateLimitedException extends RuntimeException {

    private final long retryAfterSeconds;

    ChatRateLimitedException(String message, long retryAfterSeconds) {
        super(message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
