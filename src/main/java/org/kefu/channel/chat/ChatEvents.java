package org.kefu.channel.chat;

/** What changed in a chat, for the visitor's open widget and the agents' consoles. */
public final class ChatEvents {

    private ChatEvents() {
    }

    /** The chat's state, queue position or agent changed: the widget re-reads it. */
    public record ChatChanged(long conversationId, long ticketId) {
    }
}
