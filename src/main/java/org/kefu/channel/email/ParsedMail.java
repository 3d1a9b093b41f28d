package org.kefu.channel.email;

import java.time.Instant;
import java.util.List;

/**
 * What the desk takes from one raw RFC 5322 message. Produced by {@link MailParser}, which never
 * throws: what it could not decode is listed in {@code problems} and the rest is still usable.
 *
 * @param messageId        the Message-ID without angle brackets; when the mail has none, a stable
 *                         one derived from a hash of the raw bytes, so a redelivery is still recognised
 * @param inReplyTo        message ids of In-Reply-To, without angle brackets, in header order
 * @param references       message ids of References, without angle brackets, oldest first
 * @param from             the sender (From, else Sender, else Return-Path); null if none is readable
 * @param replyTo          Reply-To addresses (where replies should go), empty if absent
 * @param to               To addresses
 * @param cc               Cc addresses
 * @param returnPath       the Return-Path address; "" for the null path {@code <>}; null if absent
 * @param subject          the decoded subject (RFC 2047), "" if absent
 * @param sentAt           the Date header, null if absent or unreadable
 * @param text             the body as plain text: text/plain if present, else text converted from HTML
 * @param html             the HTML body sanitised for display (jsoup safelist, cid: images kept), or null
 * @param attachments      attachments and inline parts with their decoded names
 * @param kind             whether this is a person's mail or an automatic one (auto-reply, bounce, bulk)
 * @param bouncedMessageId for a bounce: the Message-ID of the mail that bounced (from its
 *                         message/rfc822 or text/rfc822-headers part), else null
 * @param problems         human-readable descriptions of what could not be decoded, empty if none
 */
record ParsedMail(String messageId, List<String> inReplyTo, List<String> references, MailAddress from,
        List<MailAddress> replyTo, List<MailAddress> to, List<MailAddress> cc, String returnPath, String subject,
        Instant sentAt, String text, String html, List<MailPart> attachments, MailKind kind, String bouncedMessageId,
        List<String> problems) {

    /** An address with its decoded display name (may be null). */
    record MailAddress(String address, String name) {
    }

    /**
     * An attachment or inline part.
     *
     * @param contentId the Content-ID without angle brackets for inline parts referenced as cid:, else null
     */
    record MailPart(String fileName, String contentType, byte[] content, String contentId, boolean inline) {
    }

    enum MailKind {
        /** written by a person: may open a ticket and get an acknowledgement */
        PERSONAL,
        /** out-of-office and other auto-replies (Auto-Submitted, X-Autoreply, ...) */
        AUTO_REPLY,
        /** a delivery status notification or mailer-daemon message */
        BOUNCE,
        /** bulk, junk or list mail (Precedence, List-Id, ...) */
        BULK
    }
}
