package org.kefu.platform;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;

/**
 * Requests a key (a visitor, an IP address) may make per minute: a token bucket per key (full at
 * the limit, refilled evenly over the minute, so a burst of limit+1 is refused wherever it falls on
 * the clock), kept in memory on this node. With n nodes behind a balancer a key gets up to n times
 * the limit; a shared store would fix that. Each user holds its own limiter, so keys never mix.
 */
public final class RateLimiter {

    private final Clock clock;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(200_000).expireAfterAccess(Duration.ofMinutes(2)).build();

    public RateLimiter(Clock clock) {
        this.clock = clock;
    }

    /** Takes one request of the key; 0 when allowed, else the seconds until the next one is (at least 1). */
    public long take(String key, int perMinute) {
        long now = clock.millis();
        Bucket bucket = buckets.get(key, k -> new Bucket(perMinute, now));
        long waitMs = bucket.take(perMinute, now);
        return waitMs <= 0 ? 0 : Math.max(1, (waitMs + 999) / 1000);
    }

    /** Like {@link #take}, but throws "At most {perMinute} {what} a minute per {who}; try again in n s." when over. */
    public void check(String key, int perMinute, String what, String who) {
        long retryAfter = take(key, perMinute);
        if (retryAfter > 0) {
            throw new RateLimitedException(message(perMinute, what, who, retryAfter), retryAfter);
        }
    }

    public static String message(int perMinute, String what, String who, long retryAfter) {
        return "At most " + perMinute + " " + what + " a minute per " + who + "; try again in " + retryAfter + " s.";
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
