package org.kefu.channel.webhook.web;

import java.time.Instant;
import org.kefu.channel.webhook.WebhookChannel;
import org.kefu.channel.webhook.WebhookSource;

/**
 * A webhook channel as the API shows it. {@code secret} is only present in the answer that
 * created or rotated it; the desk keeps it encrypted and never shows it again.
 */
record WebhookChannelView(long id, String name, String key, String inboundPath, String callbackUrl, WebhookSource source,
        Long departmentId, Long teamId, boolean active, Instant createdAt, Instant updatedAt, String secret) {

    static WebhookChannelView of(WebhookChannel c, String secret) {
        return new WebhookChannelView(c.getId(), c.getName(), c.getKey(), "/api/v1/channels/webhook/" + c.getKey(),
                c.getCallbackUrl(), c.getSource(), c.getDepartmentId(), c.getTeamId(), c.isActive(), c.getCreatedAt(),
                c.getUpdatedAt(), secret);
    }
}
