package org.kefu.routing;

/**
 * One place a channel takes tickets in through, as routing rules name it: the channel (EMAIL, CHAT,
 * SOCIAL) and the channel's own key for it (a mailbox id, a chat or webhook channel id), with the
 * name admins know it by.
 */
public record RoutingSource(String channel, String source, String label) {

    /** The single form value of the rule page's source list: {@code CHANNEL:source}. */
    public String formValue() {
        return channel + ":" + source;
    }
}
