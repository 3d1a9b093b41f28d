package org.kefu.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmotionReaderTest {

    private static final EmotionReader reader = new EmotionReader();

    private static List<String> kinds(EmotionReading reading) {
        return reading.cues().stream().map(EmotionCue::kind).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"我要投诉到消协，退款拖了一个月", "再不處理我就打1950消費者專線", "I will report you to the BBB.",
            "Refund me by Friday or I'm filing a chargeback", "我会把这件事发到网上曝光", "我們會走法律途徑",
            "I'm speaking to my lawyer about these fees"})
    void a_threat_to_escalate_reads_angry_with_an_escalation_cue(String text) {
        EmotionReading reading = reader.read(text);

        assertThat(reading.label()).isEqualTo(Emotion.ANGRY);
        assertThat(reading.threatensEscalation()).isTrue();
        assertThat(kinds(reading)).contains(EmotionCue.ESCALATION_THREAT);
    }

    @Test
    void nothing_to_read_is_neutral_with_no_intensity() {
        for (String text : new String[] {null, "", "   ", "\n\t"}) {
            EmotionReading reading = reader.read(text);
            assertThat(reading.label()).isEqualTo(Emotion.NEUTRAL);
            assertThat(reading.intensity()).isZero();
            assertThat(reading.cues()).isEmpty();
        }
    }

    @Test
    void not_satisfied_is_negative_but_not_being_unsatisfied_is_not() {
        assertThat(reader.read("我对这次的服务不满意").isNegative()).isTrue();
        assertThat(reader.read("我對這次的服務不滿意").isNegative()).isTrue();
        assertThat(reader.read("I'm not satisfied with how this was handled").isNegative()).isTrue();

        EmotionReading doubleNegative = reader.read("我没有不满意，只是想问能不能换个颜色");
        assertThat(doubleNegative.isNegative()).isFalse();
        assertThat(kinds(doubleNegative)).contains(EmotionCue.NEGATION);
    }

    @Test
    void a_negated_negative_word_is_not_counted() {
        assertThat(reader.read("我不是很生气，只是想确认一下").label()).isEqualTo(Emotion.NEUTRAL);
        assertThat(reader.read("不急，你们慢慢查").label()).isEqualTo(Emotion.NEUTRAL);
        assertThat(reader.read("I'm not in a hurry and not worried at all").label()).isEqualTo(Emotion.NEUTRAL);
        assertThat(reader.read("生气").label()).isEqualTo(Emotion.ANGRY);
    }

    @Test
    void an_intensifier_raises_intensity() {
        double plain = reader.read("我很失望").intensity();
        double strong = reader.read("我极其失望").intensity();
        double english = reader.read("I am disappointed").intensity();
        double englishStrong = reader.read("I am extremely disappointed").intensity();

        assertThat(strong).isGreaterThan(plain);
        assertThat(englishStrong).isGreaterThan(english);
        assertThat(kinds(reader.read("I am extremely disappointed"))).contains(EmotionCue.INTENSIFIER);
    }

    @Test
    void shouting_and_repeated_punctuation_are_cues_that_raise_intensity() {
        EmotionReading calm = reader.read("Your support is useless");
        EmotionReading shouted = reader.read("YOUR SUPPORT IS USELESS!!!");

        assertThat(kinds(shouted)).contains(EmotionCue.ALL_CAPS, EmotionCue.REPEATED_PUNCTUATION);
        assertThat(shouted.intensity()).isGreaterThan(calm.intensity());
        assertThat(shouted.label()).isEqualTo(Emotion.ANGRY);
        assertThat(reader.read("？？？").label()).isEqualTo(Emotion.ANXIOUS);
        assertThat(kinds(reader.read("？？？"))).containsExactly(EmotionCue.REPEATED_PUNCTUATION);
    }

    @Test
    void acronyms_are_not_shouting() {
        assertThat(kinds(reader.read("Does the plan include SSO and an API with a PDF export?")))
                .doesNotContain(EmotionCue.ALL_CAPS);
    }

    @Test
    void traditional_chinese_reads_like_simplified() {
        EmotionReading traditional = reader.read("包裹還沒收到，很著急，怎麼辦");
        EmotionReading simplified = reader.read("包裹还没收到，很着急，怎么办");

        assertThat(traditional.label()).isEqualTo(Emotion.ANXIOUS);
        assertThat(traditional.intensity()).isEqualTo(simplified.intensity());
        assertThat(traditional.cues()).extracting(EmotionCue::text).contains("還沒收到", "著急", "怎麼辦");
    }

    @Test
    void full_width_and_mixed_language_text_is_read() {
        assertThat(reader.read("你们的 service 太差了，I want a refund now").isNegative()).isTrue();
        assertThat(reader.read("Help！！！我的账户 locked 了，明天要付款").isNegative()).isTrue();
        assertThat(reader.read("Thanks 客服，問題解決了").label()).isEqualTo(Emotion.SATISFIED);
    }

    @Test
    void satisfied_customers_read_satisfied_and_polite_enquiries_neutral() {
        assertThat(reader.read("问题解决了，谢谢你们的耐心").label()).isEqualTo(Emotion.SATISFIED);
        assertThat(reader.read("Refund received, that was quick, thank you so much!").label()).isEqualTo(Emotion.SATISFIED);
        assertThat(reader.read("不好意思，请问这个问题应该找哪个部门？谢谢").label()).isEqualTo(Emotion.NEUTRAL);
        assertThat(reader.read("Is there a way to report a problem in the app?").label()).isEqualTo(Emotion.NEUTRAL);
        assertThat(reader.read("在吗").label()).isEqualTo(Emotion.NEUTRAL);
    }

    @Test
    void sarcastic_praise_next_to_a_complaint_reads_negative() {
        assertThat(reader.read("真是太好了，又坏了").isNegative()).isTrue();
    }

    @Test
    void english_terms_match_whole_words_only() {
        // "sue" inside "issue", "bad" inside "badge", "hell" inside "hello"
        EmotionReading reading = reader.read("hello, I have an issue with my badge");
        assertThat(reading.label()).isEqualTo(Emotion.NEUTRAL);
        assertThat(reading.threatensEscalation()).isFalse();
    }

    @Test
    void the_bench_data_parses_and_is_big_enough() throws IOException {
        Path data = Path.of("bench/emotion/data/messages.tsv");
        List<String> lines = Files.readAllLines(data, StandardCharsets.UTF_8);
        assertThat(lines.getFirst()).isEqualTo("id\tlanguage\tsplit\tlabel\ttext");
        Set<String> ids = new HashSet<>();
        int heldOut = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split("\t", -1);
            assertThat(fields).as(line).hasSize(5);
            assertThat(ids.add(fields[0])).as("unique id " + fields[0]).isTrue();
            assertThat(fields[1]).isIn("zh-CN", "zh-TW", "en");
            assertThat(fields[2]).isIn("dev", "heldout");
            Emotion.valueOf(fields[3]);
            assertThat(fields[4]).isNotBlank();
            heldOut += fields[2].equals("heldout") ? 1 : 0;
        }
        assertThat(ids).hasSizeGreaterThanOrEqualTo(600);
        assertThat(heldOut).isGreaterThanOrEqualTo(180);
    }
}
