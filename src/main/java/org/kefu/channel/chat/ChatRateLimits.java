package org.kefu.channel.chat;

import java.time.Clock;
import org.kefu.platform.RateLimiter;
import org.springframework.stereotype.Component;

/** Messages a visitor and an IP address may send per minute ({@link RateLimiter}: per node, in memory). */
@Component
class ChatRateLimits {

    private final ChatSettings settings;
    private final RateLimiter limiter;

    ChatRateLimits(ChatSettings settings, Clock clock) {
        this.settings = settings;
        this.limiter = new RateLimiter(clock);
    }

    /** Counts one message of this visitor from this address; throws when either is over its limit. */
    void message(String visitorKey, String ip) {
        take("v:" + visitorKey, settings.visitorPerMinute(), "visitor");
        ip(ip);
    }

    /** Counts one request from this address (a new conversation, a left message). */
    void ip(String ip) {
        take("ip:" + (ip == null ? "-" : ip), settings.ipPerMinute(), "IP address");
    }

    private void take(String key, int limit, String who) {
        long retryAfter = limiter.take(key, limit);
        if (retryAfter > 0) {
            throw new ChatRateLimitedException(RateLimiter.message(limit, "chat messages", who, retryAfter), retryAfter);
        }
    }
}
