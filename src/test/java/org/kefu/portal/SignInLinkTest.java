package org.kefu.portal;

import org.kefu.platform.security.Secrets;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SignInLinkTest {

    private static final Instant SENT = Instant.parse("2026-03-01T08:00:00Z");

    @Test
    void aLinkWorksUntilJustBeforeItsExpiryAndNotAtIt() {
        SignInLink link = new SignInLink("hash", 1, SENT, Duration.ofMinutes(15));
        assertThat(link.state(SENT.plus(Duration.ofMinutes(15)).minusMillis(1))).isEqualTo(SignInLink.State.VALID);
        assertThat(link.state(SENT.plus(Duration.ofMinutes(15)))).isEqualTo(SignInLink.State.EXPIRED);
        assertThat(link.use(SENT.plus(Duration.ofHours(1)))).isEqualTo(SignInLink.State.EXPIRED);
        assertThat(link.state(SENT.plus(Duration.ofHours(1)))).isEqualTo(SignInLink.State.EXPIRED);
    }

    @Test
    void aLinkCanBeUsedOnlyOnce() {
        SignInLink link = new SignInLink("hash", 1, SENT, Duration.ofMinutes(15));
        assertThat(link.use(SENT.plusSeconds(60))).isEqualTo(SignInLink.State.VALID);
        assertThat(link.use(SENT.plusSeconds(61))).isEqualTo(SignInLink.State.USED);
        assertThat(link.state(SENT.plusSeconds(62))).isEqualTo(SignInLink.State.USED);
    }

    @Test
    void secretsAreLongRandomAndOnlyTheirHashIsKept() {
        String a = Secrets.newSecret();
        String b = Secrets.newSecret();
        assertThat(a).hasSize(43).matches("[A-Za-z0-9_-]+").isNotEqualTo(b);
        assertThat(Secrets.sha256Hex(a)).hasSize(64).isEqualTo(Secrets.sha256Hex(a)).isNotEqualTo(Secrets.sha256Hex(b))
                .doesNotContain(a);
    }
}
