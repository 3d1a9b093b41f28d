package org.kefu.channel.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.kefu.channel.CustomerMatching;
import org.kefu.channel.SystemActor;
import org.kefu.customer.Customer;
import org.kefu.platform.Channel;
import org.kefu.platform.ConflictException;
import org.kefu.platform.ContentTooLargeException;
import org.kefu.platform.InvalidRequestException;
import org.kefu.platform.NotFoundException;
import org.kefu.platform.UnprocessableException;
import org.kefu.ticket.Author;
import org.kefu.ticket.NewAttachment;
import org.kefu.ticket.NewTicket;
import org.kefu.ticket.Ticket;
import org.kefu.ticket.TicketAttachments;
import org.kefu.ticket.TicketIntake;
import org.kefu.ticket.TicketNotice;
import org.kefu.ticket.TicketStatus;
import org.kefu.ticket.TicketWork;
import org.kefu.ticket.TimelineEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

/**
 * Takes in a gateway's message: checks the signature over the raw body (before reading it), reads
 * it, and, exactly once per external message id, records it as the customer's message on the
 * conversation's open ticket or on a new ticket (channel SOCIAL).
 *
 * <p>The conversation's open ticket is the ticket of the latest earlier message from the same
 * external user on the same channel (following merges), unless it is closed, or resolved longer
 * ago than {@code kefu.channel.webhook.reopen-window} (default 7 days); a resolved ticket within
 * the window is reopened by the message.
 */
@Service
public class WebhookIntake {

    private static final Logger log = LoggerFactory.getLogger(WebhookIntake.class);
    private static final int ATTEMPTS = 4;

    private final WebhookChannels channels;
    private final WebhookMessages messages;
    private final ManagingWebhookChannels managing;
    private final RemoteFiles remoteFiles;
    private final CustomerMatching matching;
    private final TicketIntake intake;
    private final TicketWork work;
    private final TicketAttachments attachments;
    private final TransactionTemplate transactions;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration reopenWindow;

    WebhookIntake(WebhookChannels channels, WebhookMessages messages, ManagingWebhookChannels managing,
            RemoteFiles remoteFiles, CustomerMatching matching, TicketIntake intake, TicketWork work,
            TicketAttachments attachments, TransactionTemplate transactions, ObjectMapper json, Clock clock,
            @Value("${kefu.channel.webhook.reopen-window:P7D}") Duration reopenWindow) {
        this.channels = channels;
        this.messages = messages;
        this.managing = managing;
        this.remoteFiles = remoteFiles;
        this.matching = matching;
        this.intake = intake;
        this.work = work;
        this.attachments = attachments;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
        this.reopenWindow = reopenWindow;
    }

    /** The identity a webhook user has on the customer: unique per channel, so two gateways never collide. */
    static String identityOf(long channelId, String externalUserId) {
        return "wh" + channelId + ":" + externalUserId;
    }

    public WebhookReceipt receive(String key, String signature, byte[] body) {
        WebhookChannel channel = transactions.execute(tx -> channels.findByKey(key == null ? "" : key)
                .filter(WebhookChannel::isActive).orElse(null));
        if (channel == null) {
            throw new NotFoundException("Webhook channel", key == null ? "" : key);
        }
        WebhookSignature.Verdict verdict = WebhookSignature.verify(signature, body, managing.secretOf(channel),
                clock.instant());
        if (verdict != WebhookSignature.Verdict.VALID) {
            throw new WebhookUnauthorizedException(verdict);
        }
        InboundMessage message = InboundMessage.parse(body, json, attachments.maxCount());
        Optional<WebhookReceipt> seen = seen(channel.getId(), message.externalMessageId());
        if (seen.isPresent()) {
            return seen.get();
        }
        List<NewAttachment> files = new ArrayList<>();
        List<RemoteFiles.Failed> failures = new ArrayList<>();
        for (InboundMessage.RemoteFile file : message.attachments()) {
            switch (remoteFiles.fetch(file)) {
                case RemoteFiles.Fetched fetched -> files.add(fetched.file());
                case RemoteFiles.Failed failed -> failures.add(failed);
            }
        }
        RuntimeException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            if (attempt > 0) {
                seen = seen(channel.getId(), message.externalMessageId());
                if (seen.isPresent()) {
                    return seen.get();
                }
            }
            try {
                return place(channel, message, files, failures);
            } catch (ContentTooLargeException | UnprocessableException | InvalidRequestException refused) {
                if (files.isEmpty()) {
                    throw refused;
                }
                // a file the ticket refuses (type, size) must not cost the message: keep it, say what was dropped
                for (NewAttachment file : files) {
                    failures.add(new RemoteFiles.Failed(file.fileName(), refused.getMessage()));
                }
                files.clear();
            } catch (DataIntegrityViolationException | TransientDataAccessException | ConflictException
                    | jakarta.persistence.OptimisticLockException race) {
                // the same message (or another of the same user, on the same ticket) is being taken in concurrently: look again
                last = race;
                log.debug("webhook message {} raced, attempt {}", message.externalMessageId(), attempt, race);
                sleep(50L * (attempt + 1));
            }
        }
        throw new ConflictException("The message " + message.externalMessageId()
                + " is being taken in concurrently; retry it." + (last == null ? "" : ""));
    }

    private Optional<WebhookReceipt> seen(long channelId, String externalMessageId) {
        return transactions.execute(tx -> messages.find(channelId, externalMessageId)
                .filter(m -> m.ticketId() != null).map(WebhookMessage::receipt));
    }

    private WebhookReceipt place(WebhookChannel channel, InboundMessage message, List<NewAttachment> files,
            List<RemoteFiles.Failed> failures) {
        return transactions.execute(tx -> {
            Instant now = clock.instant();
            WebhookMessage row = messages.saveAndFlush(new WebhookMessage(channel.getId(), message.externalMessageId(),
                    message.externalUserId(), now));
            Customer customer = matching.forIdentity(Channel.SOCIAL, identityOf(channel.getId(), message.externalUserId()),
                    message.displayName(), message.email(), message.phone());
            String text = text(message, files, failures);
            Optional<Ticket> open = openTicket(channel.getId(), message.externalUserId(), now);
            long ticketId;
            if (open.isPresent()) {
                TimelineEntry entry = work.receiveMessage(open.get().getId(), text, Channel.SOCIAL, SystemActor.INSTANCE, files);
                ticketId = open.get().getId();
                row.placed(ticketId, open.get().getNumber(), entry.getId(), customer.getId(), false);
            } else {
                Ticket ticket = intake.open(new NewTicket(subject(channel, message, customer), text, Channel.SOCIAL,
                        customer.getId(), null, null, null, null, null, null, null, null, List.of(), null,
                        channel.getDepartmentId(), channel.getTeamId(), null),
                        Author.customer(customer.getId(), customer.getName()), files, String.valueOf(channel.getId()));
                ticketId = ticket.getId();
                row.placed(ticketId, ticket.getNumber(), null, customer.getId(), true);
            }
            for (RemoteFiles.Failed failed : failures) {
                work.recordNotice(ticketId, TicketNotice.warning("channel.webhook.attachmentFailed", failed.url(),
                        failed.reason()), Author.SYSTEM);
            }
            messages.flush();
            return row.receipt();
        });
    }

    private Optional<Ticket> openTicket(long channelId, String externalUserId, Instant now) {
        List<WebhookMessage> latest = messages.latestInThread(channelId, externalUserId, Limit.of(1));
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        try {
            Ticket ticket = work.readBack(latest.get(0).ticketId());
            for (int hops = 0; ticket.getMergedIntoId() != null && hops < 5; hops++) {
                ticket = work.readBack(ticket.getMergedIntoId());
            }
            if (ticket.getMergedIntoId() != null || ticket.getStatus() == TicketStatus.CLOSED) {
                return Optional.empty();
            }
            if (ticket.getStatus() == TicketStatus.RESOLVED && ticket.getResolvedAt() != null
                    && ticket.getResolvedAt().isBefore(now.minus(reopenWindow))) {
                return Optional.empty();
            }
            return Optional.of(ticket);
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    private static String text(InboundMessage message, List<NewAttachment> files, List<RemoteFiles.Failed> failures) {
        if (message.text() != null) {
            return message.text();
        }
        List<String> names = new ArrayList<>();
        files.forEach(f -> names.add(f.fileName()));
        failures.forEach(f -> names.add(f.url()));
        return "📎 " + String.join(", ", names);
    }

    private static String subject(WebhookChannel channel, InboundMessage message, Customer customer) {
        String base = message.text() == null ? customer.getName() : message.text().strip().lines().findFirst().orElse("");
        if (base.isBlank()) {
            base = customer.getName();
        }
        String subject = base.length() > 80 ? base.substring(0, 80) + "…" : base;
        return subject.isBlank() ? channel.getName() : subject;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
