package org.kefu.channel.chat;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * Messages a visitor and an IP address may send per minute: a counter per key and clock minute,
 * kept in memory on this node (so with n nodes behind a balancer a visitor gets up to n times
 * the limit; a shared store would fix that).
 */
@Component
class ChatRateLimits {

    private final ChatSettings settings;
    private final Clock clock;
    private final Cache<String, AtomicInteger> counters = Caffeine.newBuilder()
            .maximumSize(200_000).expireAfterWrite(Duration.ofMinutes(2)).build();

    ChatRateLimits(ChatSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** Counts one message of this visitor from this address; throws when either is over its limit. */
    void message(String visitorKey, String ip) {
        count("v:" + visitorKey, settings.visitorPerMinute(), "visitor");
        ip(ip);
    }

    /** Counts one request from this address (a new conversation, a left message). */
    void ip(String ip) {
        count("ip:" + (ip == null ? "-" : ip), settings.ipPerMinute(), "IP address");
    }

    private void count(String key, int limit, String who) {
        long minute = clock.millis() / 60_000;
        AtomicInteger counter = counters.get(key + "@" + minute, k -> new AtomicInteger());
        if (counter.incrementAndGet() > limit) {
            long retryAfter = 60 - (clock.millis() / 1000) % 60;
            throw new ChatRateLimitedException("At most " + limit + " chat messages a minute per " + who
                    + "; try again in " + retryAfter + " s.", retryAfter);
        }
    }
}
