package org.kefu.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RequestWindowTest {

    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

    @Test
    void allowsMaxRequestsPerKeyWithinTheWindowThenRefusesUntilTheOldestLeaves() {
        RequestWindow window = new RequestWindow(3, Duration.ofMinutes(15));
        assertThat(window.tryAcquire("a", T0)).isTrue();
        assertThat(window.tryAcquire("a", T0.plusSeconds(60))).isTrue();
        assertThat(window.tryAcquire("a", T0.plusSeconds(120))).isTrue();
        assertThat(window.tryAcquire("a", T0.plusSeconds(180))).isFalse();
        assertThat(window.tryAcquire("b", T0.plusSeconds(180))).isTrue();
        assertThat(window.tryAcquire("a", T0.plus(Duration.ofMinutes(15)))).isTrue();
        assertThat(window.tryAcquire("a", T0.plus(Duration.ofMinutes(15)).plusSeconds(1))).isFalse();
    }

    @Test
    void refusedRequestsDoNotExtendTheWait() {
        RequestWindow window = new RequestWindow(1, Duration.ofMinutes(1));
        assertThat(window.tryAcquire("a", T0)).isTrue();
        for (int i = 1; i < 59; i++) {
            assertThat(window.tryAcquire("a", T0.plusSeconds(i))).isFalse();
        }
        assertThat(window.tryAcquire("a", T0.plusSeconds(61))).isTrue();
    }
}
