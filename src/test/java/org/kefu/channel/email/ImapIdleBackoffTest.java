package org.kefu.channel.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ImapIdleBackoffTest {

    private final ImapIdleListeners listeners = new ImapIdleListeners(null, null, null, null, null, Clock.systemUTC(), false,
            Duration.ofSeconds(10), Duration.ofMinutes(1), Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofHours(1));

    @Test
    void theWaitDoublesAfterEachFailureUpToTheMaximum() {
        assertThat(listeners.backoff(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(listeners.backoff(2)).isEqualTo(Duration.ofSeconds(10));
        assertThat(listeners.backoff(4)).isEqualTo(Duration.ofSeconds(40));
        assertThat(listeners.backoff(7)).isEqualTo(Duration.ofMinutes(5));
        assertThat(listeners.backoff(1000)).isEqualTo(Duration.ofMinutes(5));
    }
}
