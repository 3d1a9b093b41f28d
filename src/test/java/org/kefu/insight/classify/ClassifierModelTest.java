package org.kefu.insight.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** The learned model: training, what corrections teach it, storage round-trip, and the combination with rules. */
class ClassifierModelTest {

    private final ClassifyText pipeline = ClassifyText.standard();
    private final List<ClassifierModel.Example> seed = DefaultRules.seed();

    @Test
    void correctionsThenRetrainingChangeThePredictionForSimilarText() {
        String similar = "蓝牙音箱的喇叭有杂音嗡嗡响";
        ClassifierModel before = ClassifierModel.train(1, Instant.EPOCH, seed, List.of(), pipeline);
        TextClassifier plain = new TextClassifier(pipeline, RuleSet.compile(List.of(), pipeline), before);
        String was = plain.classify(similar, Combination.Mode.MODEL, null, null).topic();
        String wanted = "QUALITY".equals(was) ? "TECHNICAL" : "QUALITY";
        List<ClassifierModel.Example> corrections = new ArrayList<>();
        for (String text : List.of("音箱喇叭有杂音", "喇叭嗡嗡响有杂音", "蓝牙音箱杂音很大", "音箱一开就嗡嗡响", "喇叭杂音太大了")) {
            corrections.add(new ClassifierModel.Example("PRODUCT_DEFECT", wanted, text));
        }
        ClassifierModel after = ClassifierModel.train(2, Instant.EPOCH, seed, corrections, pipeline);
        TextClassifier retrained = new TextClassifier(pipeline, RuleSet.compile(List.of(), pipeline), after);
        assertThat(retrained.classify(similar, Combination.Mode.MODEL, null, null).topic()).isEqualTo(wanted);
        assertThat(after.confirmedExamples()).isEqualTo(5);
    }

    @Test
    void aStoredModelReadsBackIdenticalAndClassifiesTheSame() {
        ClassifierModel model = ClassifierModel.train(7, Instant.parse("2026-12-01T10:15:30Z"), seed,
                List.of(new ClassifierModel.Example("SERVICE_ERROR", null, "客服不理人"), new ClassifierModel.Example(null, "ACCOUNT", "帐号登不上")),
                pipeline);
        ClassifierModel read = ClassifierModel.fromBytes(model.toBytes());
        assertThat(read).isEqualTo(model);
        assertThat(read.version()).isEqualTo(7);
        assertThat(read.trainedAt()).isEqualTo(Instant.parse("2026-12-01T10:15:30Z"));
        for (ClassifierModel.Example e : seed.subList(0, 40)) {
            var features = pipeline.features(e.text());
            assertThat(read.types().posteriors(features)).containsExactly(model.types().posteriors(features));
            assertThat(read.topics().posteriors(features)).containsExactly(model.topics().posteriors(features));
        }
    }

    @Test
    void garbageIsNotAModel() {
        assertThatThrownBy(() -> ClassifierModel.fromBytes(new byte[] {1, 2, 3})).isInstanceOf(IllegalArgumentException.class);
        byte[] stored = ClassifierModel.train(1, Instant.EPOCH, seed.subList(0, 20), List.of(), pipeline).toBytes();
        assertThatThrownBy(() -> ClassifierModel.fromBytes(Arrays.copyOf(stored, stored.length / 2)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Property: for random texts from the seed's vocabulary, confidences are probabilities and labels are candidates. */
    @RepeatedTest(20)
    void confidencesAreProbabilitiesOfACandidateLabel(org.junit.jupiter.api.RepetitionInfo repetition) {
        Random random = new Random(4242L + repetition.getCurrentRepetition());
        ClassifierModel model = ClassifierModel.train(1, Instant.EPOCH, seed, List.of(), pipeline);
        TextClassifier classifier = new TextClassifier(pipeline, RuleSet.compile(DefaultRules.rules(), pipeline), model);
        List<String> topics = List.of("LOGISTICS", "BILLING", "QUALITY");
        for (int i = 0; i < 50; i++) {
            String a = seed.get(random.nextInt(seed.size())).text();
            String b = seed.get(random.nextInt(seed.size())).text();
            String text = a.substring(0, random.nextInt(a.length() + 1)) + b.substring(random.nextInt(b.length() + 1));
            for (Combination.Mode mode : Combination.Mode.values()) {
                ClassificationSuggestion s = classifier.classify(text, mode, null, topics);
                assertThat(s.typeConfidence()).isBetween(0.0, 1.0);
                assertThat(s.topicConfidence()).isBetween(0.0, 1.0);
                if (s.topic() != null) {
                    assertThat(topics).contains(s.topic());
                    assertThat(s.topicConfidence()).isGreaterThanOrEqualTo(1.0 / topics.size() - 1e-9);
                }
            }
        }
    }

    /** Property: Traditional text gets the same suggestion as its Simplified form. */
    @RepeatedTest(5)
    void traditionalTextClassifiesLikeSimplified(org.junit.jupiter.api.RepetitionInfo repetition) {
        Random random = new Random(99L + repetition.getCurrentRepetition());
        TextClassifier classifier = new TextClassifier(pipeline, RuleSet.compile(DefaultRules.rules(), pipeline),
                ClassifierModel.train(1, Instant.EPOCH, seed, List.of(), pipeline));
        List<String[]> pairs = List.of(new String[] {"我的帳號被凍結了，請盡快處理", "我的账号被冻结了，请尽快处理"},
                new String[] {"退貨寄回去兩週了，退款還沒到帳", "退货寄回去两周了，退款还没到账"},
                new String[] {"收到的耳機沒有聲音，品質太差", "收到的耳机没有声音，品质太差"},
                new String[] {"客服態度很差，一直不耐煩", "客服态度很差，一直不耐烦"},
                new String[] {"物流資訊三天沒更新，包裹是不是遺失了", "物流资讯三天没更新，包裹是不是遗失了"});
        for (int i = 0; i < 5; i++) {
            String[] pair = pairs.get(random.nextInt(pairs.size()));
            ClassificationSuggestion traditional = classifier.classify(pair[0], Combination.Mode.COMBINED, null, null);
            ClassificationSuggestion simplified = classifier.classify(pair[1], Combination.Mode.COMBINED, null, null);
            assertThat(traditional.complaintType()).as(pair[0]).isEqualTo(simplified.complaintType());
            assertThat(traditional.topic()).as(pair[0]).isEqualTo(simplified.topic());
            assertThat(traditional.topicConfidence()).isCloseTo(simplified.topicConfidence(), org.assertj.core.data.Offset.offset(1e-9));
        }
    }

    @Test
    void negationLowersTheDefectSuggestionWithTheShippedRulesAndModel() {
        TextClassifier classifier = new TextClassifier(pipeline, RuleSet.compile(DefaultRules.rules(), pipeline),
                ClassifierModel.train(1, Instant.EPOCH, seed, List.of(), pipeline));
        ClassificationSuggestion asserted = classifier.classify("收到的杯子有质量问题", Combination.Mode.COMBINED,
                List.of("SERVICE_ERROR", "PRODUCT_DEFECT", "CUSTOMER_MISUNDERSTANDING"), null);
        ClassificationSuggestion negated = classifier.classify("收到的杯子没有质量问题", Combination.Mode.COMBINED,
                List.of("SERVICE_ERROR", "PRODUCT_DEFECT", "CUSTOMER_MISUNDERSTANDING"), null);
        assertThat(asserted.complaintType()).isEqualTo("PRODUCT_DEFECT");
        double defectWhenNegated = "PRODUCT_DEFECT".equals(negated.complaintType()) ? negated.typeConfidence() : 0;
        assertThat(defectWhenNegated).isLessThan(asserted.typeConfidence());
        assertThat(negated.rules()).anyMatch(ClassificationSuggestion.RuleHit::negated);
    }

    @Test
    void rulesAloneSuggestNothingWhenNoRuleMatches() {
        TextClassifier classifier = new TextClassifier(pipeline, RuleSet.compile(DefaultRules.rules(), pipeline),
                ClassifierModel.train(1, Instant.EPOCH, seed, List.of(), pipeline));
        ClassificationSuggestion s = classifier.classify("你好", Combination.Mode.RULES, null, null);
        assertThat(s.complaintType()).isNull();
        assertThat(s.topic()).isNull();
        assertThat(classifier.classify("你好", Combination.Mode.COMBINED, null, null).topic()).isNotNull();
    }
}
