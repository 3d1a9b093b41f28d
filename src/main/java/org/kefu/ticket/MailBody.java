package org.kefu.ticket;

/**
 * A message body split for display: what the writer wrote now, and what can be folded away
 * (quoted earlier mails and the signature). {@code visible} is never blank when the text has content.
 *
 * @param visible the new text, shown
 * @param quoted  quoted history and signature, shown on request; "" if none
 */
public record MailBody(String visible, String quoted) {

    public MailBody {
        visible = visible == null ? "" : visible;
        quoted = quoted == null ? "" : quoted;
    }

    public boolean hasQuoted() {
        return !quoted.isBlank();
    }
}
