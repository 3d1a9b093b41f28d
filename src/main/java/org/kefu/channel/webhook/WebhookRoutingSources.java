package org.kefu.channel.webhook;

import java.util.List;
import org.kefu.platform.Channel;
import org.kefu.routing.RoutingSource;
import org.kefu.routing.RoutingSources;
import org.springframework.stereotype.Component;

/** Each webhook channel (a WeChat, Weibo, app gateway) is a source routing rules can name; its SOCIAL tickets record its id. */
@Component
class WebhookRoutingSources implements RoutingSources {

    private final ManagingWebhookChannels channels;

    WebhookRoutingSources(ManagingWebhookChannels channels) {
        this.channels = channels;
    }

    @Override
    public List<RoutingSource> routingSources() {
        return channels.list().stream()
                .map(c -> new RoutingSource(Channel.SOCIAL.name(), String.valueOf(c.getId()), c.getName()))
                .toList();
    }
}
