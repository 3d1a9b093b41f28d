package org.kefu.channel.email;

/**
 * What became of one incoming mail.
 *
 * @param ticketId     the ticket it opened or joined (for a bounce: the ticket whose reply bounced), or null
 * @param ticketNumber that ticket's number, or null
 */
public record IntakeResult(Outcome outcome, Long ticketId, String ticketNumber, String messageId) {

    public enum Outcome {
        /** opened a new ticket */
        CREATED,
        /** appended to an existing ticket as a customer message */
        APPENDED,
        /** this Message-ID was taken in before: nothing changed */
        DUPLICATE,
        /** a bounce: flagged on the ticket whose mail bounced (if it is known); never opens a ticket */
        BOUNCE
    }
}
