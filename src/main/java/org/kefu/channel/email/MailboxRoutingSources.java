package org.kefu.channel.email;

import java.util.List;
import org.kefu.platform.Channel;
import org.kefu.routing.RoutingSource;
import org.kefu.routing.RoutingSources;
import org.springframework.stereotype.Component;

/** Each mailbox is a source routing rules can name: an EMAIL ticket records the id of the mailbox it came in through. */
@Component
class MailboxRoutingSources implements RoutingSources {

    private final Mailboxes mailboxes;

    MailboxRoutingSources(Mailboxes mailboxes) {
        this.mailboxes = mailboxes;
    }

    @Override
    public List<RoutingSource> routingSources() {
        return mailboxes.list().stream().map(Mailboxes.Row::mailbox)
                .map(m -> new RoutingSource(Channel.EMAIL.name(), String.valueOf(m.id()), m.name() + " <" + m.fromAddress() + ">"))
                .toList();
    }
}
