package org.kefu.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Seeded random text, from garbage to customer-like phrases: the reader's guarantees hold for all of it. */
class EmotionReaderPropertiesTest {

    private static final EmotionReader reader = new EmotionReader();

    private static final List<String> PHRASES = List.of("我的订单", "还没收到", "不满意", "非常", "太", "不", "没有",
            "谢谢", "很好", "生气", "失望", "怎么办", "！！", "？？？", "。", "，", "not", "very", "happy", "angry",
            "THIS IS", "refund", "still waiting", "!!!", "?", " ", "還沒", "著急", "滿意", "😡", "👍", "so", "never again",
            "12315", "issue", "消", "协", "律", "师", "don't", "n't", "…", "\n");

    static List<Long> seeds() {
        List<Long> seeds = new ArrayList<>();
        for (long s = 1; s <= 400; s++) {
            seeds.add(s * 104729);
        }
        return seeds;
    }

    private static String garbage(RandomGenerator r) {
        int length = r.nextInt(0, 10_001);
        StringBuilder text = new StringBuilder(length);
        while (text.length() < length) {
            switch (r.nextInt(4)) {
                case 0 -> text.append((char) r.nextInt(0, Character.MAX_VALUE + 1)); // includes lone surrogates
                case 1 -> text.appendCodePoint(r.nextInt(0x4E00, 0x9FA6));
                case 2 -> text.appendCodePoint(r.nextInt(0x1F300, 0x1FAFF));
                default -> text.append(PHRASES.get(r.nextInt(PHRASES.size())));
            }
        }
        return text.toString();
    }

    private static String phrases(RandomGenerator r) {
        StringBuilder text = new StringBuilder();
        int n = r.nextInt(1, 15);
        for (int i = 0; i < n; i++) {
            text.append(PHRASES.get(r.nextInt(PHRASES.size())));
        }
        return text.toString();
    }

    private static RandomGenerator random(long seed) {
        return RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void never_throws_and_intensity_stays_between_zero_and_one(long seed) {
        RandomGenerator r = random(seed);
        for (String text : List.of(garbage(r), phrases(r))) {
            EmotionReading reading = reader.read(text);

            assertThat(reading).isNotNull();
            assertThat(reading.intensity()).isBetween(0.0, 1.0);
            assertThat(reading.label() == Emotion.NEUTRAL || reading.intensity() > 0).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void exclamation_marks_never_calm_a_negative_reading(long seed) {
        RandomGenerator r = random(seed);
        for (int attempt = 0; attempt < 20; attempt++) {
            String text = phrases(r);
            EmotionReading before = reader.read(text);
            if (!before.isNegative()) {
                continue;
            }
            EmotionReading after = reader.read(text + "!!!");

            assertThat(after.isNegative()).as(text).isTrue();
            assertThat(after.intensity()).as(text).isGreaterThanOrEqualTo(before.intensity());
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void a_threat_to_escalate_always_reads_negative(long seed) {
        RandomGenerator r = random(seed);
        List<String> threats = List.of("。我要投诉到消协", "。再不处理我就打12315", "。我會找律師", ". I will sue you",
                ". Expect a chargeback.", "。我要曝光你们");
        String text = r.nextBoolean() ? phrases(r) : garbage(r);
        EmotionReading reading = reader.read(text + threats.get(r.nextInt(threats.size())));

        assertThat(reading.isNegative()).isTrue();
        assertThat(reading.threatensEscalation()).isTrue();
    }
}
