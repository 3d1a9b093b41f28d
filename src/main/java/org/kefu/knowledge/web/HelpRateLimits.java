package org.kefu.knowledge.web;

import java.time.Clock;
import org.kefu.platform.RateLimiter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Searches one IP address may make per minute on the public, unauthenticated help search
 * ({@code /help/search.json} and the portal's {@code /help/suggest}, one bucket for both), so that
 * nobody can run the search engine flat out. Beyond it: 429 with Retry-After.
 */
@Component
class HelpRateLimits {

    private final RateLimiter limiter;
    private final int searchesPerMinute;

    HelpRateLimits(Clock clock, @Value("${kefu.knowledge.help.searches-per-minute:60}") int searchesPerMinute) {
        this.limiter = new RateLimiter(clock);
        this.searchesPerMinute = Math.max(1, searchesPerMinute);
    }

    void search(String ip) {
        limiter.check(ip == null ? "-" : ip, searchesPerMinute, "help searches", "IP address");
    }
}
