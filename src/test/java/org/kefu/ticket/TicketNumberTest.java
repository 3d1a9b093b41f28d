package org.kefu.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TicketNumberTest {

    @Test
    void numbersAreTheYearAndAtLeastSixDigits() {
        assertThat(TicketNumber.of(2026, 123).value()).isEqualTo("2026-000123");
        assertThat(TicketNumber.of(2026, 0).value()).isEqualTo("2026-000000");
        assertThat(TicketNumber.of(2027, 1_234_567).value()).isEqualTo("2027-1234567");
        assertThat(TicketNumber.of(999, 5).value()).isEqualTo("0999-000005");
        assertThatThrownBy(() -> TicketNumber.of(2026, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TicketNumber.of(10_000, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ofWritesWhatStringFormatWrites() {
        SplittableRandom random = new SplittableRandom(20261204);
        for (int i = 0; i < 20_000; i++) {
            int year = random.nextInt(10_000);
            long sequence = random.nextBoolean() ? random.nextLong(10_000_000) : random.nextLong(Long.MAX_VALUE);
            assertThat(TicketNumber.of(year, sequence).value()).isEqualTo(String.format("%04d-%06d", year, sequence));
        }
    }

    /** The hand-written check accepts exactly what {@link TicketNumber#FORMAT} matches. */
    @Test
    void looksLikeAgreesWithTheFormatOnRandomText() {
        SplittableRandom random = new SplittableRandom(42);
        String alphabet = "0123456789-- a٣０\n";
        for (int i = 0; i < 50_000; i++) {
            StringBuilder b = new StringBuilder();
            int length = random.nextInt(16);
            for (int k = 0; k < length; k++) {
                b.append(random.nextInt(3) == 0 ? alphabet.charAt(random.nextInt(alphabet.length()))
                        : (char) ('0' + random.nextInt(10)));
            }
            if (random.nextInt(3) == 0 && b.length() > 4) {
                b.setCharAt(4, '-');
            }
            String text = b.toString();
            assertThat(TicketNumber.looksLike(text)).as(text).isEqualTo(TicketNumber.FORMAT.matcher(text.strip()).matches());
            boolean valid = TicketNumber.FORMAT.matcher(text).matches();
            if (valid) {
                assertThat(new TicketNumber(text).value()).isEqualTo(text);
            } else {
                assertThatThrownBy(() -> new TicketNumber(text)).as(text).isInstanceOf(IllegalArgumentException.class);
            }
        }
    }
}
