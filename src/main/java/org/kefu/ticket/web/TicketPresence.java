package org.kefu.ticket.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Who has a ticket open right now, and who is typing on it: for the collision warning. Kept in
 * memory on this node; an entry lapses 30 s after its last heartbeat (pages beat every 15 s), so
 * a closed tab disappears by itself. Bounded in tickets and in agents per ticket.
 */
@Component
class TicketPresence {

    enum State {
        VIEWING, TYPING
    }

    record Viewer(long agentId, String name, State state) {
    }

    static final Duration EXPIRY = Duration.ofSeconds(30);
    static final Duration TYPING_LASTS = Duration.ofSeconds(10);
    static final int MAX_TICKETS = 10_000;
    static final int MAX_AGENTS_PER_TICKET = 50;

    private record Seen(String name, Instant lastSeen, Instant lastTyped) {

        State state(Instant now) {
            return lastTyped != null && lastTyped.plus(TYPING_LASTS).isAfter(now) ? State.TYPING : State.VIEWING;
        }

        boolean expired(Instant now) {
            return !lastSeen.plus(EXPIRY).isAfter(now);
        }
    }

    private final Map<Long, Map<Long, Seen>> tickets = new ConcurrentHashMap<>();
    private final Clock clock;

    TicketPresence(Clock clock) {
        this.clock = clock;
    }

    /**
     * Records a heartbeat; returns true when what others see changed (someone new, or now typing or
     * no longer typing), so that only then the others are told.
     */
    boolean beat(long ticketId, long agentId, String name, State state) {
        Instant now = clock.instant();
        if (!tickets.containsKey(ticketId) && tickets.size() >= MAX_TICKETS) {
            sweep(now);
            if (tickets.size() >= MAX_TICKETS) {
                return false;
            }
        }
        boolean[] changed = {false};
        tickets.compute(ticketId, (id, agents) -> {
            Map<Long, Seen> map = agents == null ? new ConcurrentHashMap<>() : agents;
            map.values().removeIf(s -> s.expired(now));
            Seen before = map.get(agentId);
            if (before == null && map.size() >= MAX_AGENTS_PER_TICKET) {
                return map;
            }
            Instant typed = state == State.TYPING ? now : before == null ? null : before.lastTyped();
            Seen after = new Seen(name, now, typed);
            map.put(agentId, after);
            changed[0] = before == null || before.expired(now) || before.state(now) != after.state(now);
            return map;
        });
        return changed[0];
    }

    /** Forgets an agent on a ticket (the page was left); true if it was there. */
    boolean leave(long ticketId, long agentId) {
        Map<Long, Seen> agents = tickets.get(ticketId);
        return agents != null && agents.remove(agentId) != null;
    }

    /** The others on a ticket, typing ones first, then by name. */
    List<Viewer> others(long ticketId, long exceptAgentId) {
        Instant now = clock.instant();
        Map<Long, Seen> agents = tickets.get(ticketId);
        if (agents == null) {
            return List.of();
        }
        return agents.entrySet().stream()
                .filter(e -> e.getKey() != exceptAgentId && !e.getValue().expired(now))
                .map(e -> new Viewer(e.getKey(), e.getValue().name(), e.getValue().state(now)))
                .sorted(Comparator.comparing(Viewer::state).reversed().thenComparing(Viewer::name))
                .toList();
    }

    int trackedTickets() {
        return tickets.size();
    }

    /** Drops lapsed entries and empty tickets. */
    void sweep(Instant now) {
        tickets.forEach((id, agents) -> {
            agents.values().removeIf(s -> s.expired(now));
            tickets.computeIfPresent(id, (k, v) -> v.isEmpty() ? null : v);
        });
    }
}
