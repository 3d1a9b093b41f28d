package org.kefu.automation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PlaceholdersTest {

    @Test
    void recognisesWhatTheRendererLeavesUnfilled() {
        assertThat(Placeholders.unresolved("您好【客户姓名?】")).isTrue();
        assertThat(Placeholders.unresolved("Dear [customer name?],")).isTrue();
        assertThat(Placeholders.unresolved("Hi {{customer.name}}")).isTrue();
        assertThat(Placeholders.unresolved("a {{ b")).isTrue();
        assertThat(Placeholders.first("x 【订单号?】 y [a?]")).isEqualTo("【订单号?】");
    }

    @Test
    void ordinaryRepliesPass() {
        assertThat(Placeholders.unresolved("您好，您的订单【已发货】，请问还有什么问题吗？")).isFalse();
        assertThat(Placeholders.unresolved("Is it [urgent]? Please reply.")).isFalse();
        assertThat(Placeholders.unresolved("{ } {x}")).isFalse();
        assertThat(Placeholders.unresolved(null)).isFalse();
        assertThat(Placeholders.first("all good")).isNull();
    }

    /** Fuzz: labels made of any characters still give one recognisable placeholder. */
    @Test
    void anyLabelMakesARecognisablePlaceholder() {
        Random random = new Random(7L);
        for (int i = 0; i < 2000; i++) {
            StringBuilder label = new StringBuilder();
            int n = 1 + random.nextInt(100);
            for (int j = 0; j < n; j++) {
                label.append((char) (random.nextBoolean() ? 32 + random.nextInt(95) : 0x4e00 + random.nextInt(500)));
            }
            for (TemplateLanguage language : TemplateLanguage.values()) {
                String ask = Placeholders.of("ask." + label, language);
                String custom = Placeholders.of("custom." + label, language);
                String unknown = Placeholders.of(label.toString(), language);
                assertThat(Placeholders.unresolved(ask)).as(ask).isTrue();
                assertThat(Placeholders.unresolved(custom)).as(custom).isTrue();
                assertThat(Placeholders.unresolved(unknown)).as(unknown).isTrue();
                assertThat(ask + custom + unknown).doesNotContain("{{");
            }
        }
    }
}
