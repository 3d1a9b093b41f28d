package org.kefu.channel.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kefu.platform.InvalidRequestException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seeded random mutations of a valid message (byte flips, cuts, wrong types, huge and odd unicode
 * fields, deep nesting): reading either yields a message or a 400 naming the field, never anything
 * else; signature checks never throw.
 */
class InboundMessageFuzzTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final String VALID = "{\"externalUserId\":\"o6_bmjr\",\"displayName\":\"小王\",\"text\":\"快递没到 📦\","
            + "\"attachments\":[{\"url\":\"https://cdn.example.com/a.jpg\",\"name\":\"a.jpg\",\"contentType\":\"image/jpeg\"}],"
            + "\"externalMessageId\":\"m-1\",\"sentAt\":\"2026-12-02T08:00:00Z\"}";

    static String mutate(RandomGenerator random) {
        StringBuilder s = new StringBuilder(VALID);
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits; e++) {
            int at = s.isEmpty() ? 0 : random.nextInt(s.length());
            switch (random.nextInt(10)) {
                case 0 -> s.setLength(at);
                case 1 -> { if (!s.isEmpty()) { s.setCharAt(at, (char) random.nextInt(0x20, 0x7f)); } }
                case 2 -> s.insert(at, new String(Character.toChars(random.nextInt(0x10FFFF) & 0x10FFFF & ~0xD800)));
                case 3 -> s.replace(0, s.length(), s.toString().replace("\"m-1\"", random.nextBoolean() ? "12" : "[1,2]"));
                case 4 -> s.replace(0, s.length(), s.toString().replace("\"快递没到 📦\"", "\"" + "长".repeat(random.nextInt(1, 120_000)) + "\""));
                case 5 -> s.replace(0, s.length(), s.toString().replace("https://", random.nextBoolean() ? "file://" : "javascript:"));
                case 6 -> s.insert(at, "[".repeat(random.nextInt(1, 3000)));
                case 7 -> s.replace(0, s.length(), s.toString().replace("\"2026-12-02T08:00:00Z\"", random.nextBoolean() ? "true" : "\"yesterday\""));
                case 8 -> s.insert(at, "\\u0000\\ud800");
                default -> s.replace(0, s.length(), random.nextBoolean() ? "null" : "[]");
            }
        }
        return s.toString();
    }

    @ParameterizedTest
    @ValueSource(longs = {1L, 7L, 42L, 2026L})
    void readingNeverFailsOtherThanWithA400(long seed) {
        RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
        for (int i = 0; i < 500; i++) {
            String body = mutate(random);
            byte[] bytes = random.nextInt(20) == 0 ? randomBytes(random) : body.getBytes(StandardCharsets.UTF_8);
            try {
                InboundMessage message = InboundMessage.parse(bytes, JSON, 10);
                assertThat(message.externalUserId()).isNotBlank();
                assertThat(message.externalMessageId()).isNotBlank();
                assertThat(message.text() != null || !message.attachments().isEmpty()).isTrue();
                message.attachments().forEach(a -> assertThat(a.url().getScheme()).isIn("http", "https", "HTTP", "HTTPS"));
            } catch (InvalidRequestException expected) {
                assertThat(expected.problems()).isNotEmpty();
            }
            String header = random.nextBoolean() ? body.substring(0, Math.min(body.length(), 90)) : "t=" + random.nextLong() + ",v1=" + body;
            assertThat(WebhookSignature.verify(header, bytes, "secret", Instant.now())).isNotEqualTo(WebhookSignature.Verdict.VALID);
        }
    }

    private static byte[] randomBytes(RandomGenerator random) {
        byte[] bytes = new byte[random.nextInt(0, 400)];
        random.nextBytes(bytes);
        return bytes;
    }
}
