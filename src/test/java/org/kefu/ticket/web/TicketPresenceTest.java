package org.kefu.ticket.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.kefu.support.MutableClock;
import org.kefu.ticket.web.TicketPresence.State;
import org.kefu.ticket.web.TicketPresence.Viewer;

class TicketPresenceTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T08:00:00Z"));
    private final TicketPresence presence = new TicketPresence(clock);

    @Test
    void othersOnATicketAreListedButNotOneself() {
        assertThat(presence.beat(1, 10, "李娜", State.VIEWING)).isTrue();
        assertThat(presence.beat(1, 11, "张伟", State.VIEWING)).isTrue();
        presence.beat(2, 12, "王芳", State.VIEWING);

        assertThat(presence.others(1, 10)).containsExactly(new Viewer(11, "张伟", State.VIEWING));
        assertThat(presence.others(1, 11)).containsExactly(new Viewer(10, "李娜", State.VIEWING));
        assertThat(presence.others(3, 10)).isEmpty();
    }

    @Test
    void aRepeatedHeartbeatIsNoNewsButStartingToTypeIs() {
        presence.beat(1, 10, "李娜", State.VIEWING);
        clock.advance(Duration.ofSeconds(15));
        assertThat(presence.beat(1, 10, "李娜", State.VIEWING)).isFalse();
        assertThat(presence.beat(1, 10, "李娜", State.TYPING)).isTrue();
        assertThat(presence.others(1, 99)).containsExactly(new Viewer(10, "李娜", State.TYPING));
        assertThat(presence.beat(1, 10, "李娜", State.TYPING)).isFalse();
    }

    @Test
    void typingFadesToViewingAndSilenceExpires() {
        presence.beat(1, 10, "李娜", State.TYPING);
        clock.advance(TicketPresence.TYPING_LASTS);
        assertThat(presence.others(1, 99)).containsExactly(new Viewer(10, "李娜", State.VIEWING));
        clock.advance(TicketPresence.EXPIRY);
        assertThat(presence.others(1, 99)).isEmpty();
        assertThat(presence.beat(1, 10, "李娜", State.VIEWING)).as("back after expiry is news").isTrue();
    }

    @Test
    void typingAgentsComeFirst() {
        presence.beat(1, 10, "Anna", State.VIEWING);
        presence.beat(1, 11, "Zoe", State.TYPING);
        assertThat(presence.others(1, 99)).extracting(Viewer::name).containsExactly("Zoe", "Anna");
    }

    @Test
    void leavingRemovesAtOnce() {
        presence.beat(1, 10, "李娜", State.VIEWING);
        assertThat(presence.leave(1, 10)).isTrue();
        assertThat(presence.leave(1, 10)).isFalse();
        assertThat(presence.others(1, 99)).isEmpty();
    }

    @Test
    void aTicketHoldsAtMostFiftyAgents() {
        for (int i = 0; i < TicketPresence.MAX_AGENTS_PER_TICKET + 5; i++) {
            presence.beat(1, i, "a" + i, State.VIEWING);
        }
        assertThat(presence.others(1, -1)).hasSize(TicketPresence.MAX_AGENTS_PER_TICKET);
    }

    @Test
    void expiredTicketsAreSweptWhenTheRegistryIsFull() {
        for (int i = 0; i < TicketPresence.MAX_TICKETS; i++) {
            presence.beat(i, 1, "a", State.VIEWING);
        }
        assertThat(presence.beat(TicketPresence.MAX_TICKETS + 1, 1, "a", State.VIEWING)).as("full").isFalse();
        clock.advance(TicketPresence.EXPIRY);
        assertThat(presence.beat(TicketPresence.MAX_TICKETS + 1, 1, "a", State.VIEWING)).isTrue();
        assertThat(presence.trackedTickets()).isEqualTo(1);
    }

    @Test
    void heartbeatsFromManyThreadsAreAllCounted() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> futures = new ArrayList<>();
        for (int agent = 0; agent < 40; agent++) {
            long id = agent;
            futures.add(pool.submit(() -> {
                for (int i = 0; i < 200; i++) {
                    presence.beat(7, id, "a" + id, i % 2 == 0 ? State.VIEWING : State.TYPING);
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        assertThat(presence.others(7, -1)).hasSize(40);
    }
}
