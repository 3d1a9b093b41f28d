package org.kefu.insight.classify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClassifyTextTest {

    private final ClassifyText pipeline = ClassifyText.standard();

    @Test
    void cjkRunsGiveCharacterOneToThreeGramsAndLatinWordsUnigramsAndBigrams() {
        assertThat(pipeline.features("退款慢")).containsExactlyInAnyOrder("退", "退款", "退款慢", "款", "款慢", "慢");
        assertThat(pipeline.features("Refunds delayed")).containsExactlyInAnyOrder("refund", "delay", "refund delay");
    }

    @Test
    void mixedTextKeepsScriptsApartAndTraditionalFoldsToSimplified() {
        assertThat(pipeline.features("退款refund")).contains("退款", "refund").doesNotContain("款refund");
        assertThat(pipeline.features("帳號")).isEqualTo(pipeline.features("账号"));
        assertThat(pipeline.features("ＲＥＦＵＮＤ")).contains("refund");
    }

    @Test
    void bigramsDoNotCrossClauses() {
        assertThat(pipeline.features("late. refund")).doesNotContain("late refund");
    }
}
