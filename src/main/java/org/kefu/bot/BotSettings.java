package org.kefu.bot;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The bot's desk-wide settings. {@code handOffKeywords} empty means the built-in list; the LLM endpoint fields
 * show what is stored here (the key never leaves the desk: only whether one is set).
 */
public record BotSettings(double confidenceThreshold, Map<BotLanguage, String> greetings, List<String> handOffKeywords,
        boolean llmEnabled, String llmBaseUrl, boolean llmKeySet, String llmModel, Integer llmTimeoutMs,
        boolean llmConfigured, Instant updatedAt) {

    public BotSettings {
        greetings = Map.copyOf(greetings);
        handOffKeywords = List.copyOf(handOffKeywords);
    }

    public String greeting(BotLanguage language) {
        return greetings.getOrDefault(language, "");
    }

    /** The keywords in effect: the admin's, else the built-in ones. */
    public List<String> effectiveHandOffKeywords() {
        return handOffKeywords.isEmpty() ? PersonRequests.DEFAULTS : handOffKeywords;
    }
}
