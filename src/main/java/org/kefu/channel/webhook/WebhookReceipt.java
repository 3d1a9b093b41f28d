package org.kefu.channel.webhook;

/**
 * The answer to a delivered message, the same for every redelivery of it.
 *
 * @param newTicket whether this message opened the ticket (else it was added to an open one)
 * @param entryId   the timeline entry of the message, null when it opened the ticket
 */
public record WebhookReceipt(String externalMessageId, Long ticketId, String ticketNumber, Long entryId, Long customerId,
        boolean newTicket) {
}
