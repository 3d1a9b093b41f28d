package org.kefu.channel.chat;

import org.kefu.platform.RateLimitedException;

/** A visitor or an IP address sent too many chat messages; answered with 429 and Retry-After. */
public class ChatRateLimitedException extends RateLimitedException {

    ChatRateLimitedException(String message, long retryAfterSeconds) {
        super(message, retryAfterSeconds);
    }
}
