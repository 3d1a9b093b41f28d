package org.kefu.insight.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Keyword rules: folding, word boundaries, negation, one count per rule. */
class ClassificationRulesMatchingTest {

    private final ClassifyText pipeline = ClassifyText.standard();
    private final RuleSet defaults = RuleSet.compile(DefaultRules.rules(), pipeline);
    private final RuleSet quality = RuleSet.compile(List.of(
            new ClassificationRule(1, "质量", List.of("质量问题", "defect"), ComplaintTypeCodes.DEFECT, "QUALITY", 2, true, true),
            new ClassificationRule(2, "没收到", List.of("没收到"), ComplaintTypeCodes.SERVICE, "LOGISTICS", 1, false, true),
            new ClassificationRule(3, "charge", List.of("charge"), null, "BILLING", 1, false, true),
            new ClassificationRule(4, "off", List.of("退款"), null, "RETURNS", 1, false, false)), pipeline);

    @Test
    void aNegatedQualityComplaintCountsFarLessThanAnAssertedOne() {
        double asserted = quality.score(pipeline.normalise("这个杯子有质量问题")).types().get(ComplaintTypeCodes.DEFECT);
        double negated = quality.score(pipeline.normalise("我检查过了，杯子没有质量问题，只是想问怎么用")).types()
                .get(ComplaintTypeCodes.DEFECT);
        assertThat(negated).isLessThan(asserted / 2);
        assertThat(quality.score(pipeline.normalise("There is no defect, I just need the manual")).hits().getFirst().negated()).isTrue();
    }

    @Test
    void aNegationInAnotherClauseDoesNotWeakenTheKeyword() {
        RuleSet.Scores s = quality.score(pipeline.normalise("包装没有破，但是有质量问题"));
        assertThat(s.hits().getFirst().negated()).isFalse();
        assertThat(s.types().get(ComplaintTypeCodes.DEFECT)).isEqualTo(2.0);
    }

    @Test
    void aRuleThatIsNotNegatableKeepsItsWeightAfterANegation() {
        assertThat(quality.score(pipeline.normalise("我还没收到货")).topics()).containsEntry("LOGISTICS", 1.0);
    }

    @Test
    void traditionalTextMatchesSimplifiedKeywords() {
        RuleSet.Scores s = quality.score(pipeline.normalise("這個杯子有質量問題"));
        assertThat(s.types()).containsEntry(ComplaintTypeCodes.DEFECT, 2.0);
        assertThat(defaults.score(pipeline.normalise("帳號被無故停權了")).topics())
                .isEqualTo(defaults.score(pipeline.normalise("账号被无故停权了")).topics());
    }

    @Test
    void latinKeywordsMatchWholeWordsWithEndingsButNotInsideOtherWords() {
        assertThat(quality.score(pipeline.normalise("They charged me twice")).topics()).containsKey("BILLING");
        assertThat(quality.score(pipeline.normalise("CHARGE")).topics()).containsKey("BILLING");
        assertThat(quality.score(pipeline.normalise("the discharge papers")).topics()).doesNotContainKey("BILLING");
        assertThat(quality.score(pipeline.normalise("my charger is dead")).topics()).doesNotContainKey("BILLING");
    }

    @Test
    void aRuleCountsOnceHoweverOftenItsKeywordsAppearAndInactiveRulesNever() {
        RuleSet.Scores s = quality.score(pipeline.normalise("质量问题，质量问题，defect defect，退款"));
        assertThat(s.types().get(ComplaintTypeCodes.DEFECT)).isEqualTo(2.0);
        assertThat(s.topics()).doesNotContainKey("RETURNS");
    }

    @Test
    void theDefaultRulesRecogniseAMisunderstandingInEachLanguage() {
        for (String text : List.of("原来是预授权，我以为扣了两次", "原來是預授權，我以為扣了兩次", "I thought I was charged twice")) {
            RuleSet.Scores s = defaults.score(pipeline.normalise(text));
            assertThat(s.types()).as(text).containsKey(ComplaintTypeCodes.MISUNDERSTANDING);
        }
    }

    /** Codes of the built-in complaint types (the ticket module's constants, repeated to keep this test plain). */
    static final class ComplaintTypeCodes {
        static final String SERVICE = "SERVICE_ERROR";
        static final String DEFECT = "PRODUCT_DEFECT";
        static final String MISUNDERSTANDING = "CUSTOMER_MISUNDERSTANDING";
    }
}
