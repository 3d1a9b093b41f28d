package org.kefu.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.Test;

/** Cursors come back from clients, so they are outside input: garbage must be a clean 400. */
class CursorTest {

    @Test
    void roundTrips() {
        Cursor cursor = new Cursor("-updatedAt", "2026-11-23T10:00:00Z", 42);
        assertThat(Cursor.decode(cursor.encode(), "-updatedAt")).isEqualTo(cursor);
    }

    @Test
    void aCursorOfAnotherSortIsRefused() {
        String encoded = new Cursor("-updatedAt", "2026-11-23T10:00:00Z", 42).encode();
        assertThatThrownBy(() -> Cursor.decode(encoded, "createdAt")).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void randomGarbageNeverEscapesAsAnythingButInvalidRequest() {
        RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(20261123);
        String valid = new Cursor("id", null, 7).encode();
        for (int i = 0; i < 20_000; i++) {
            String input;
            if (i % 2 == 0) {
                byte[] bytes = new byte[random.nextInt(40)];
                random.nextBytes(bytes);
                input = random.nextBoolean() ? Base64.getUrlEncoder().encodeToString(bytes) : new String(bytes, StandardCharsets.ISO_8859_1);
            } else {
                char[] chars = valid.toCharArray();
                chars[random.nextInt(chars.length)] = (char) (32 + random.nextInt(95));
                input = new String(chars);
            }
            try {
                Cursor decoded = Cursor.decode(input, "id");
                assertThat(decoded.sortKey()).isEqualTo("id");
            } catch (InvalidRequestException expected) {
                assertThat(expected.problems()).extracting(InvalidRequestException.FieldProblem::field).containsExactly("cursor");
            }
        }
    }
}
