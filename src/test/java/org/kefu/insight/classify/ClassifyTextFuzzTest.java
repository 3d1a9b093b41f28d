package org.kefu.insight.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Fuzz: random Unicode (lone surrogates, controls, huge texts, mutated real messages) never makes the pipeline throw. */
class ClassifyTextFuzzTest {

    private final ClassifyText pipeline = ClassifyText.standard();
    private final RuleSet rules = RuleSet.compile(DefaultRules.rules(), pipeline);
    private final TextClassifier classifier = new TextClassifier(pipeline, rules,
            ClassifierModel.train(1, Instant.EPOCH, DefaultRules.seed(), List.of(), pipeline));

    @Test
    void randomUnicodeNeverThrows() {
        Random random = new Random(20261202L);
        List<ClassifierModel.Example> seed = DefaultRules.seed();
        for (int i = 0; i < 3000; i++) {
            String text = switch (i % 3) {
                case 0 -> randomText(random, random.nextInt(200));
                case 1 -> mutate(random, seed.get(random.nextInt(seed.size())).text());
                default -> randomText(random, random.nextInt(5000));
            };
            char[] folded = pipeline.normalise(text);
            assertThat(folded.length).isLessThanOrEqualTo(ClassifyText.MAX_CHARS);
            pipeline.features(folded);
            rules.score(folded);
            ClassificationSuggestion s = classifier.classify(text, Combination.Mode.COMBINED, null, null);
            assertThat(s.typeConfidence()).isBetween(0.0, 1.0);
        }
        assertThat(classifier.classify(null, Combination.Mode.COMBINED, null, null)).isNotNull();
    }

    private static String randomText(Random random, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(6);
            out.append(switch (kind) {
                case 0 -> (char) random.nextInt(0x10000);
                case 1 -> (char) (0x4E00 + random.nextInt(0x5000));
                case 2 -> (char) ('a' + random.nextInt(26));
                case 3 -> "，。！？ \n'’".charAt(random.nextInt(8));
                case 4 -> (char) (0xD800 + random.nextInt(0x800));
                default -> (char) random.nextInt(0x80);
            });
        }
        return out.toString();
    }

    private static String mutate(Random random, String text) {
        StringBuilder out = new StringBuilder(text);
        int edits = 1 + random.nextInt(6);
        for (int i = 0; i < edits && !out.isEmpty(); i++) {
            int at = random.nextInt(out.length());
            switch (random.nextInt(3)) {
                case 0 -> out.deleteCharAt(at);
                case 1 -> out.insert(at, (char) random.nextInt(0x10000));
                default -> out.setCharAt(at, (char) (0xD800 + random.nextInt(0x800)));
            }
        }
        return out.toString();
    }
}
