package org.kefu.channel.chat;

import java.util.List;
import org.kefu.platform.Channel;
import org.kefu.routing.RoutingSource;
import org.kefu.routing.RoutingSources;
import org.springframework.stereotype.Component;

/** Each chat channel (a website's widget) is a source routing rules can name; its CHAT tickets record its id. */
@Component
class ChatRoutingSources implements RoutingSources {

    private final ChatChannels channels;

    ChatRoutingSources(ChatChannels channels) {
        this.channels = channels;
    }

    @Override
    public List<RoutingSource> routingSources() {
        return channels.list().stream()
                .map(c -> new RoutingSource(Channel.CHAT.name(), String.valueOf(c.id()), c.name()))
                .toList();
    }
}
