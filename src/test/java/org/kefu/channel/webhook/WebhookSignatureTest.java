package org.kefu.channel.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The signature scheme, checked against a value computed with openssl as docs/channels.md shows. */
class WebhookSignatureTest {

    private static final byte[] BODY = "{\"externalUserId\":\"o6_bmjrPTlm6_2sgVt7hMZOPfL2M\",\"text\":\"hi\",\"externalMessageId\":\"m-1\"}"
            .getBytes(StandardCharsets.UTF_8);
    private static final Instant T = Instant.ofEpochSecond(1767225600);
    // printf '%s.%s' "$T" "$BODY" | openssl dgst -sha256 -hmac "s3cr3t" -hex
    private static final String OPENSSL = "ca57961664ffc9d7436a4658dfd4dad28c0e36155a6909b35875c38e4ebfaebe";

    @Test
    void signsLikeOpensslDoes() {
        assertThat(WebhookSignature.header("s3cr3t", T, BODY)).isEqualTo("t=1767225600,v1=" + OPENSSL);
    }

    @Test
    void acceptsTheOpensslSignatureWithinFiveMinutesOnly() {
        String header = "t=1767225600, v1=" + OPENSSL;
        assertThat(WebhookSignature.verify(header, BODY, "s3cr3t", T.plusSeconds(299))).isEqualTo(WebhookSignature.Verdict.VALID);
        assertThat(WebhookSignature.verify(header, BODY, "s3cr3t", T.minusSeconds(299))).isEqualTo(WebhookSignature.Verdict.VALID);
        assertThat(WebhookSignature.verify(header, BODY, "s3cr3t", T.plusSeconds(301))).isEqualTo(WebhookSignature.Verdict.STALE);
        assertThat(WebhookSignature.verify(header, BODY, "other", T)).isEqualTo(WebhookSignature.Verdict.MISMATCH);
        assertThat(WebhookSignature.verify("v1=" + OPENSSL, BODY, "s3cr3t", T)).isEqualTo(WebhookSignature.Verdict.MALFORMED);
        assertThat(WebhookSignature.verify("t=1767225600,v1=" + OPENSSL.toUpperCase(), BODY, "s3cr3t", T))
                .isEqualTo(WebhookSignature.Verdict.VALID);
        assertThat(WebhookSignature.verify(null, BODY, "s3cr3t", T)).isEqualTo(WebhookSignature.Verdict.MISSING);
        assertThat(WebhookSignature.verify("t=-5,v1=" + OPENSSL, BODY, "s3cr3t", T)).isEqualTo(WebhookSignature.Verdict.MALFORMED);
    }

    @Test
    void acceptsAnyOfSeveralSignaturesSoAGatewayCanSendOldAndNewSecretsDuringARotation() {
        String header = WebhookSignature.header("new-secret", T, BODY) + ",v1=" + OPENSSL;
        assertThat(WebhookSignature.verify(header, BODY, "s3cr3t", T)).isEqualTo(WebhookSignature.Verdict.VALID);
    }
}
