package org.kefu.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class QuestionsTest {

    @Test
    void traditionalWidthCasePunctuationAndFillerFoldToOneKey() {
        String key = Questions.normalise("退款多久到账？");
        assertThat(Questions.normalise("請問，退款多久到帳？？")).isEqualTo(key);
        assertThat(Questions.normalise("您好 退款 多久 到账 ！")).isEqualTo(key);
        assertThat(Questions.normalise("Hello, How do I RESET my password?")).isEqualTo(Questions.normalise("how do i reset my password"));
    }

    @Test
    void differentQuestionsStayApart() {
        assertThat(Questions.similar(Questions.normalise("退款多久到账"), Questions.normalise("快递几天送到"))).isFalse();
        assertThat(Questions.similar("", "")).isFalse();
        assertThat(Questions.similar(null, "退款")).isFalse();
    }

    /** Property: for any text the key is bounded, deterministic, without spaces or punctuation, and similar to itself. */
    @Test
    void theKeyIsStableAndBoundedForAnyText() {
        Random random = new Random(42);
        for (int i = 0; i < 2000; i++) {
            StringBuilder s = new StringBuilder();
            int n = random.nextInt(400);
            for (int j = 0; j < n; j++) {
                int cp = switch (random.nextInt(4)) {
                    case 0 -> 0x4E00 + random.nextInt(0x5000);
                    case 1 -> random.nextInt(128);
                    case 2 -> 0x1F600 + random.nextInt(80);
                    default -> random.nextInt(0xFFFF);
                };
                if (Character.isSurrogate((char) cp)) {
                    continue;
                }
                s.appendCodePoint(cp);
            }
            String key = Questions.normalise(s.toString());
            assertThat(key.codePointCount(0, key.length())).isLessThanOrEqualTo(Questions.MAX_KEY);
            assertThat(Questions.normalise(s.toString())).isEqualTo(key);
            assertThat(key).doesNotContainPattern("[\\s\\p{P}]");
            if (!key.isEmpty()) {
                assertThat(Questions.similar(key, key)).isTrue();
            }
        }
    }
}
