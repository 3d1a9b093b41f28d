package org.kefu.channel.chat;

/**
 * Answers a visitor's message before the chat goes into the queue (the self-service bot). Without a bean
 * implementing it, or when it declines, a message of a chat that no agent has puts the chat into the queue.
 */
public interface ChatSelfHelp {

    /**
     * The visitor wrote {@code text} while no agent has the chat (the conversation already has its ticket).
     * True: it was answered and the chat stays out of the queue for now; false: queue it. Runs after the
     * message is committed, outside any transaction (it may call out over the network: it opens its own short
     * transactions), and must not throw.
     */
    boolean answered(ChatConversation conversation, String text);
}
