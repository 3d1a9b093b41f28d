package org.kefu.channel.chat;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Messages a visitor and an IP address may send per minute: a token bucket per key (full at the
 * limit, refilled evenly over the minute, so a burst of limit+1 is refused wherever it falls on
 * the clock), kept in memory on this node. With n nodes behind a balancer a visitor gets up to n
 * times the limit; a shared store would fix that.
 */
@Component
class ChatRateLimits {

    private final ChatSettings settings;
    private final Clock clock;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(200_000).expireAfterAccess(Duration.ofMinutes(2)).build();

    ChatRateLimits(ChatSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
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
        long now = clock.millis();
        Bucket bucket = buckets.get(key, k -> new Bucket(limit, now));
        long waitMs = bucket.take(limit, now);
        if (waitMs > 0) {
            long retryAfter = Math.max(1, (waitMs + 999) / 1000);
            throw new ChatRateLimitedException("At most " + limit + " chat messages a minute per " + who
                    + "; try again in " + retryAfter + " s.", retryAfter);
        }
    }

    private static final class Bucket {

        private double tokens;
        private long last;

        Bucket(int limit, long now) {
            this.tokens = limit;
            this.last = now;
        }

        /** Takes a token and returns 0, or returns how many milliseconds until one is there. */
        synchronized long take(int limit, long now) {
            double perMs = limit / 60_000.0;
            tokens = Math.min(limit, tokens + Math.max(0, now - last) * perMs);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) / perMs);
        }
    }
}
