package org.kefu.bot;

/** Whether the bot answers a chat channel's visitors first, and whether VIP customers skip it there. */
public record BotChannelRule(long channelId, String channelName, boolean enabled, boolean vipSkips) {
}
