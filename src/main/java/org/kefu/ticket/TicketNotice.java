package org.kefu.ticket;

import java.util.List;
import java.util.Objects;

/**
 * An event another module writes on a ticket's timeline (a reply that could not be delivered, a
 * call logged, an escalation fired): a message key from that module's bundle and its arguments,
 * rendered in the reader's language. Arguments are shown escaped, so customer text may be one.
 *
 * @param messageKey a key of the writing module's message bundle, e.g. {@code email.delivery.failed}
 * @param args       the key's {0}, {1}, ... arguments, as plain text
 * @param level      {@link Level#WARNING} for things an agent must act on (shown highlighted)
 */
public record TicketNotice(String messageKey, List<String> args, Level level) {

    public enum Level {
        INFO, WARNING
    }

    public TicketNotice {
        Objects.requireNonNull(messageKey, "messageKey");
        args = args == null ? List.of() : args.stream().map(a -> a == null ? "" : a).toList();
        level = level == null ? Level.INFO : level;
    }

    public static TicketNotice info(String messageKey, String... args) {
        return new TicketNotice(messageKey, List.of(args), Level.INFO);
    }

    public static TicketNotice warning(String messageKey, String... args) {
        return new TicketNotice(messageKey, List.of(args), Level.WARNING);
    }
}
