package org.kefu.channel.webhook;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kefu.channel.MergedConversation;
import org.kefu.platform.Channel;
import org.kefu.platform.web.PublicUrl;
import org.kefu.ticket.Attachment;
import org.kefu.ticket.TicketAttachments;
import org.kefu.ticket.TicketEvents;
import org.kefu.ticket.TimelineEntry;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * An agent's reply on a ticket that came in through a webhook channel goes back to the gateway (on
 * a ticket others were merged into: to the webhook identity of the latest webhook message among
 * them, when the customer's most recent message came through a webhook; see {@link MergedConversation}):
 * in the reply's own transaction an outbox row and a db-scheduler task are written, so a reply
 * that commits is delivered (with retries) and one that rolls back is never sent.
 */
@Component
class ReplyForwarding {

    private final WebhookMessages messages;
    private final WebhookChannels channels;
    private final WebhookDeliveries deliveries;
    private final TicketAttachments attachments;
    private final EntityManager entityManager;
    private final SchedulerClient scheduler;
    private final ObjectMapper json;
    private final PublicUrl publicUrl;
    private final Clock clock;
    private final MergedConversation conversation;
    private final AttachmentLinks links;

    ReplyForwarding(MergedConversation conversation, AttachmentLinks links, WebhookMessages messages, WebhookChannels channels, WebhookDeliveries deliveries,
            TicketAttachments attachments, EntityManager entityManager, SchedulerClient scheduler, ObjectMapper json,
            PublicUrl publicUrl, Clock clock) {
        this.messages = messages;
        this.channels = channels;
        this.deliveries = deliveries;
        this.attachments = attachments;
        this.entityManager = entityManager;
        this.scheduler = scheduler;
        this.json = json;
        this.publicUrl = publicUrl;
        this.clock = clock;
        this.conversation = conversation;
        this.links = links;
    }

    private String base() {
        try {
            return publicUrl.get();
        } catch (IllegalStateException noRequest) {
            return "";
        }
    }

    @EventListener
    void on(TicketEvents.AgentReplied replied) {
        List<Long> group = conversation.ticketIds(replied.ticketId());
        Optional<Channel> route = conversation.repliesGoTo(group);
        if (route.isPresent() && route.get() != Channel.SOCIAL) {
            return; // merged tickets: the customer last wrote through another channel, the reply goes there
        }
        List<WebhookMessage> thread = route.isPresent() ? messages.latestOnTickets(group, Limit.of(1))
                : messages.latestOnTicket(replied.ticketId(), Limit.of(1));
        if (thread.isEmpty()) {
            return;
        }
        WebhookMessage last = thread.get(0);
        WebhookChannel channel = channels.findById(last.channelId()).orElse(null);
        if (channel == null || channel.getCallbackUrl() == null) {
            return;
        }
        TimelineEntry entry = entityManager.find(TimelineEntry.class, replied.entryId());
        if (entry == null) {
            return;
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("ticketNumber", entry.getTicket().getNumber());
        payload.put("externalUserId", last.externalUserId());
        payload.put("text", entry.getBody());
        List<Map<String, Object>> files = new ArrayList<>();
        for (Attachment a : attachments.byEntry(List.of(entry)).getOrDefault(entry.getId(), List.of())) {
            // a signed public link with an expiry: the gateway needs no API token to fetch the file
            files.add(Map.of("name", a.getFileName(), "url", base() + links.path(a.getId()), "contentType",
                    a.getContentType(), "size", a.getSize()));
        }
        if (!files.isEmpty()) {
            payload.put("attachments", files);
        }
        payload.put("replyId", String.valueOf(replied.entryId()));
        WebhookDelivery delivery = deliveries.save(new WebhookDelivery(channel.getId(), replied.ticketId(),
                replied.entryId(), json.writeValueAsString(payload), clock.instant()));
        deliveries.flush();
        scheduler.schedule(new TaskInstance<>(ReplyDeliveryTask.NAME, "delivery-" + delivery.getId(), delivery.getId()),
                clock.instant());
    }
}
