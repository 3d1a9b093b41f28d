package org.kefu.channel.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.kefu.ticket.Author;
import org.kefu.ticket.TicketNotice;
import org.kefu.ticket.TicketWork;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Posts one outbox row to its channel's callback URL, signed like incoming messages
 * ({@code X-Kefu-Signature}). Any answer but 2xx, or no answer within the timeout, is a failure
 * that the task retries; {@link #giveUp} marks the reply failed and says so on the ticket.
 */
@Component
class ReplySender {

    private final WebhookDeliveries deliveries;
    private final WebhookChannels channels;
    private final ManagingWebhookChannels managing;
    private final TicketWork work;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration timeout;
    private final HttpClient client;

    ReplySender(WebhookDeliveries deliveries, WebhookChannels channels, ManagingWebhookChannels managing, TicketWork work,
            TransactionTemplate transactions, Clock clock,
            @Value("${kefu.channel.webhook.delivery-timeout:PT10S}") Duration timeout) {
        this.deliveries = deliveries;
        this.channels = channels;
        this.managing = managing;
        this.work = work;
        this.transactions = transactions;
        this.clock = clock;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** What one attempt needs, read in a short transaction so no connection is held during the POST. */
    private record Attempt(String url, String secret, String payload) {
    }

    void deliver(long deliveryId) {
        Attempt attempt = transactions.execute(tx -> {
            WebhookDelivery delivery = deliveries.findById(deliveryId).orElse(null);
            if (delivery == null || delivery.getStatus() != WebhookDelivery.Status.PENDING) {
                return null;
            }
            WebhookChannel channel = channels.findById(delivery.getChannelId()).orElse(null);
            if (channel == null || channel.getCallbackUrl() == null) {
                return null;
            }
            return new Attempt(channel.getCallbackUrl(), managing.secretOf(channel), delivery.payload());
        });
        if (attempt == null) {
            return;
        }
        String error;
        try {
            byte[] body = attempt.payload().getBytes(StandardCharsets.UTF_8);
            HttpRequest request = HttpRequest.newBuilder(URI.create(attempt.url())).timeout(timeout)
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("User-Agent", "Kefu-Webhook/1")
                    .header(WebhookSignature.HEADER, WebhookSignature.header(attempt.secret(), clock.instant(), body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 == 2) {
                record(deliveryId, null, true);
                return;
            }
            error = "HTTP " + response.statusCode();
        } catch (IOException | IllegalArgumentException e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        }
        record(deliveryId, error, false);
        throw new DeliveryFailed(error);
    }

    /** After the last attempt: the reply is marked failed and a warning appears on the ticket. */
    void giveUp(long deliveryId) {
        transactions.executeWithoutResult(tx -> deliveries.findById(deliveryId).ifPresent(delivery -> {
            if (delivery.getStatus() != WebhookDelivery.Status.PENDING) {
                return;
            }
            delivery.failed();
            String channelName = channels.findById(delivery.getChannelId()).map(WebhookChannel::getName).orElse("?");
            work.recordNotice(delivery.getTicketId(), TicketNotice.warning("channel.webhook.deliveryFailed", channelName,
                    String.valueOf(delivery.getAttempts()), delivery.getLastError() == null ? "" : delivery.getLastError()),
                    Author.SYSTEM);
        }));
    }

    private void record(long deliveryId, String error, boolean delivered) {
        transactions.executeWithoutResult(tx -> deliveries.findById(deliveryId).ifPresent(delivery -> {
            delivery.attempted(error);
            if (delivered) {
                delivery.delivered(clock.instant());
            }
        }));
    }

    /** An attempt that did not reach the gateway; the task retries it. */
    static final class DeliveryFailed extends RuntimeException {

        DeliveryFailed(String message) {
            super(message);
        }
    }
}
