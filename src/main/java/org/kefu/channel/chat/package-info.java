/**
 * Live chat: the widget's visitors talk to agents in real time; every conversation is a ticket
 * with channel CHAT, waiting chats form a queue offered to the least busy available agent.
 */
package org.kefu.channel.chat;
