package org.kefu.channel.chat;

import java.util.List;

/** What an admin sets on a chat channel; null leaves a value unchanged on update. */
public record ChatChannelInput(String name, List<String> allowedOrigins, Long departmentId, Long teamId,
        String greeting, Boolean offlineForm, Boolean active) {
}
