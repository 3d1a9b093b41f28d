package org.kefu.bot;

/**
 * A change of the bot's settings; null leaves a value as it is. {@code handOffKeywords}: one per line or comma
 * separated, blank for the built-in list. {@code llmApiKey}: write-only, blank keeps the stored key, "-" removes it.
 */
public record BotSettingsInput(Double confidenceThreshold, String greetingZhCn, String greetingZhTw, String greetingEn,
        String handOffKeywords, Boolean llmEnabled, String llmBaseUrl, String llmApiKey, String llmModel,
        Integer llmTimeoutMs) {
}
