package org.kefu.channel.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kefu.platform.InvalidRequestException;
import org.kefu.support.MutableClock;

class ChatRateLimitsTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T08:00:05Z"));
    private final ChatRateLimits limits = new ChatRateLimits(new ChatSettings(null, 3, 5, null, null, null), clock);

    @Test
    void aVisitorOverTheLimitIsRefusedUntilTheBucketRefills() {
        for (int i = 0; i < 3; i++) {
            limits.message("v-1", "10.0.0.1");
        }
        assertThatThrownBy(() -> limits.message("v-1", "10.0.0.1")).isInstanceOf(ChatRateLimitedException.class)
                .satisfies(e -> assertThat(((ChatRateLimitedException) e).retryAfterSeconds()).isEqualTo(20));
        limits.message("v-2", "10.0.0.2");
        clock.now = clock.now.plus(Duration.ofSeconds(19));
        assertThatThrownBy(() -> limits.message("v-1", "10.0.0.1")).isInstanceOf(ChatRateLimitedException.class);
        clock.now = clock.now.plus(Duration.ofSeconds(1));
        limits.message("v-1", "10.0.0.1");
    }

    @Test
    void aBurstIsRefusedWhereverItFallsOnTheClock() {
        clock.now = Instant.parse("2026-12-02T08:00:59Z");
        for (int i = 0; i < 3; i++) {
            limits.message("v-edge", "10.0.0.3");
        }
        clock.now = Instant.parse("2026-12-02T08:01:01Z");
        assertThatThrownBy(() -> limits.message("v-edge", "10.0.0.3")).isInstanceOf(ChatRateLimitedException.class);
    }

    @Test
    void manyVisitorsFromOneAddressShareTheAddressLimit() {
        for (int i = 0; i < 5; i++) {
            limits.message("v-" + i, "10.0.0.9");
        }
        assertThatThrownBy(() -> limits.message("v-new", "10.0.0.9")).isInstanceOf(ChatRateLimitedException.class)
                .hasMessageContaining("IP address");
    }

    @Test
    void originsAreNormalisedAndPathsRefused() {
        assertThat(ChatChannels.origins(List.of("https://Shop.Example.com/ http://localhost:8080,https://shop.example.com")))
                .containsExactly("https://shop.example.com", "http://localhost:8080");
        assertThatThrownBy(() -> ChatChannels.origins(List.of("https://shop.example.com/path")))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> ChatChannels.origins(List.of("javascript:alert(1)")))
                .isInstanceOf(InvalidRequestException.class);
    }
}
