package org.kefu.channel.chat;

import java.time.Instant;

/** One visitor's chat: its place in the queue or the agent who has it, and the chat-norm timestamps. */
public record ChatConversation(long id, long channelId, String visitorId, String visitorName, String visitorEmail,
        Long customerId, Long ticketId, State state, long departmentId, Long teamId, Long agentId, Long offeredAgentId,
        Instant startedAt, Instant waitingSince, Instant acceptedAt, Instant firstResponseAt, Instant solvedAt,
        Instant endedAt) {

    public enum State {
        NEW, WAITING, ACTIVE, ENDED
    }

    /** What the visitor is called on the desk's screens. */
    public String displayName() {
        if (visitorName != null && !visitorName.isBlank()) {
            return visitorName;
        }
        return visitorEmail != null ? visitorEmail : visitorId;
    }
}
