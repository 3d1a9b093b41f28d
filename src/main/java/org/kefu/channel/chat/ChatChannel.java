package org.kefu.channel.chat;

import java.time.Instant;
import java.util.List;

/**
 * A website that embeds the chat widget: its public key (in the snippet's {@code data-channel}),
 * the origins allowed to call the visitor API, where its chats go, and what the widget says.
 */
public record ChatChannel(long id, String name, String publicKey, List<String> allowedOrigins, long departmentId,
        Long teamId, String greeting, boolean offlineForm, boolean active, Instant createdAt, Instant updatedAt) {

    public ChatChannel {
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
    }

    public boolean allows(String origin) {
        return origin != null && allowedOrigins.stream().anyMatch(o -> o.equalsIgnoreCase(origin) || o.equals("*"));
    }
}
