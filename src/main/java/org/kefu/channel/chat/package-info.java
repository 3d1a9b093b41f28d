/**
 * Live chat: the widget's visitors talk to agents in real time; every conversation is a ticket
 * with channel CHAT, waiting chats form a queue offered to the least busy available agent.
 * Exposed as the named interface "chat" so the self-service bot can answer before the queue ({@link org.kefu.channel.chat.ChatSelfHelp}).
 */
@org.springframework.modulith.NamedInterface("chat")
package org.kefu.channel.chat;
