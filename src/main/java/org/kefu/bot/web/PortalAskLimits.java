package org.kefu.bot.web;

import java.time.Clock;
import org.kefu.platform.RateLimiter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Questions one IP address may ask the portal's bot per minute ({@code POST /portal/ask}): each one
 * searches the knowledge base and may call the language model. Beyond it: 429 with Retry-After.
 */
@Component
class PortalAskLimits {

    private final RateLimiter limiter;
    private final int asksPerMinute;

    PortalAskLimits(Clock clock, @Value("${kefu.bot.portal-asks-per-minute:20}") int asksPerMinute) {
        this.limiter = new RateLimiter(clock);
        this.asksPerMinute = Math.max(1, asksPerMinute);
    }

    void ask(String ip) {
        limiter.check(ip == null ? "-" : ip, asksPerMinute, "questions to the bot", "IP address");
    }
}
