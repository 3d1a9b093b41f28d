package org.kefu.bot;

import java.time.Instant;

/** One conversation the bot has: a chat, a portal visit or an API caller's session. */
public record BotSession(long id, Source source, Long chatConversationId, Long customerId, Long ticketId,
        BotLanguage language, int notHelpedStreak, Instant handedOffAt, Instant createdAt) {

    public enum Source {
        CHAT, PORTAL, API
    }

    public boolean handedOff() {
        return handedOffAt != null;
    }
}
