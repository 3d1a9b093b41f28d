package org.kefu.insight.classify;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Complaint type and topic accuracy on bench/classify/data/messages.tsv: the model is trained on the dev split only
 * (exactly the shipped seed set), the default rules are the shipped ones; each mode (rules only, model only, combined)
 * is scored on dev and on the held-out split. Then one-thread throughput of the combined classification.
 * Arguments: --errors=dev lists dev misclassifications (never look at held-out errors to tune).
 */
public final class ClassifyBench {

    record Row(String id, String language, String split, String type, String topic, String text) {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(System.getProperty("bench.data", "bench/classify/data/messages.tsv"));
        List<Row> rows = new ArrayList<>();
        for (String line : Files.readAllLines(data, StandardCharsets.UTF_8).subList(1, Files.readAllLines(data).size())) {
            String[] f = line.split("\t", 6);
            rows.add(new Row(f[0], f[1], f[2], f[3], f[4], f[5]));
        }
        boolean errors = List.of(args).contains("--errors=dev");
        ClassifyText pipeline = ClassifyText.standard();
        List<ClassifierModel.Example> dev = rows.stream().filter(r -> r.split().equals("dev"))
                .map(r -> new ClassifierModel.Example(r.type(), r.topic(), r.text())).toList();
        ClassifierModel model = ClassifierModel.train(1, Instant.now(), dev, List.of(), pipeline);
        TextClassifier classifier = new TextClassifier(pipeline, RuleSet.compile(DefaultRules.rules(), pipeline), model);
        System.out.printf("messages: %d (dev %d, held-out %d); rules: %d; model vocabulary: %d%n", rows.size(), dev.size(),
                rows.size() - dev.size(), classifier.rules().size(), model.vocabularySize());
        crossValidate(rows, pipeline, errors);
        List<Row> devRows = rows.stream().filter(r -> r.split().equals("dev")).toList();
        for (String split : List.of("dev", "heldout", "heldout-unseen")) {
            List<Row> part = split.equals("heldout-unseen")
                    ? rows.stream().filter(r -> r.split().equals("heldout") && !nearDuplicate(r, devRows, pipeline)).toList()
                    : rows.stream().filter(r -> r.split().equals(split)).toList();
            for (Combination.Mode mode : Combination.Mode.values()) {
                Score type = new Score();
                Score topic = new Score();
                for (Row r : part) {
                    ClassificationSuggestion s = classifier.classify(r.text(), mode, null, null);
                    type.add(r.type(), s.complaintType());
                    topic.add(r.topic(), s.topic());
                }
                System.out.printf("%n== %s, %s (n=%d)%n", split, mode, part.size());
                type.print("complaint type");
                topic.print("topic");
            }
        }
        throughput(classifier, rows.stream().map(Row::text).toArray(String[]::new), "single messages");
        String[] tickets = new String[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            StringBuilder t = new StringBuilder(rows.get(i).text()).append('\n');
            for (int k = 1; t.length() < 220; k++) {
                t.append(rows.get((i + k * 37) % rows.size()).text()).append(' ');
            }
            tickets[i] = t.toString();
        }
        throughput(classifier, tickets, "ticket-sized texts");
    }

    /**
     * Many zh-TW and mixed rows are variants of zh-CN ones (same situation, other script or words), and folding makes
     * them near-identical to the model, so "heldout-unseen" keeps the held-out rows with no near-duplicate in dev
     * (character-bigram Jaccard below 0.35 after folding, any language): the honest estimate for new text.
     */
    private static boolean nearDuplicate(Row row, List<Row> dev, ClassifyText pipeline) {
        java.util.Set<String> a = bigrams(pipeline.fold(row.text()));
        for (Row d : dev) {
            java.util.Set<String> b = bigrams(pipeline.fold(d.text()));
            long common = a.stream().filter(b::contains).count();
            if (common / (double) (a.size() + b.size() - common) >= 0.35) {
                return true;
            }
        }
        return false;
    }

    private static java.util.Set<String> bigrams(String text) {
        java.util.Set<String> out = new java.util.HashSet<>();
        String t = text.replaceAll("[\\p{Punct}\\s，。！？、；：]", "");
        for (int i = 0; i + 2 <= t.length(); i++) {
            out.add(t.substring(i, i + 2));
        }
        return out;
    }

    /** 5-fold cross-validation inside the dev split: what tuning looks at (the model has seen every dev row otherwise). */
    private static void crossValidate(List<Row> rows, ClassifyText pipeline, boolean errors) {
        List<Row> dev = rows.stream().filter(r -> r.split().equals("dev")).toList();
        RuleSet rules = RuleSet.compile(DefaultRules.rules(), pipeline);
        for (Combination.Mode mode : Combination.Mode.values()) {
            Score type = new Score();
            Score topic = new Score();
            for (int fold = 0; fold < 5; fold++) {
                List<ClassifierModel.Example> train = new ArrayList<>();
                for (int i = 0; i < dev.size(); i++) {
                    if (i % 5 != fold) {
                        Row r = dev.get(i);
                        train.add(new ClassifierModel.Example(r.type(), r.topic(), r.text()));
                    }
                }
                TextClassifier classifier = new TextClassifier(pipeline, rules,
                        ClassifierModel.train(1, Instant.now(), train, List.of(), pipeline));
                for (int i = fold; i < dev.size(); i += 5) {
                    Row r = dev.get(i);
                    ClassificationSuggestion s = classifier.classify(r.text(), mode, null, null);
                    type.add(r.type(), s.complaintType());
                    topic.add(r.topic(), s.topic());
                    if (errors && mode == Combination.Mode.COMBINED
                            && (!r.type().equals(s.complaintType()) || !r.topic().equals(s.topic()))) {
                        System.out.printf("  %s want %s/%s got %s/%s %.2f/%.2f %s%n", r.id(), r.type(), r.topic(),
                                s.complaintType(), s.topic(), s.typeConfidence(), s.topicConfidence(), r.text());
                    }
                }
            }
            System.out.printf("%n== dev 5-fold cross-validation, %s (n=%d)%n", mode, dev.size());
            type.print("complaint type");
            topic.print("topic");
        }
    }

    private static void throughput(TextClassifier classifier, String[] texts, String what) {
        long sink = 0;
        long end = System.nanoTime() + 3_000_000_000L;
        while (System.nanoTime() < end) {
            for (String t : texts) {
                sink += classifier.classify(t, Combination.Mode.COMBINED, null, null).rules().size();
            }
        }
        int n = 0;
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        end = start + 5_000_000_000L;
        while (System.nanoTime() < end) {
            for (String t : texts) {
                sink += classifier.classify(t, Combination.Mode.COMBINED, null, null).rules().size();
                n++;
            }
        }
        double seconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        double wall = (System.nanoTime() - start) / 1e9;
        double chars = java.util.Arrays.stream(texts).mapToInt(String::length).average().orElse(0);
        System.out.printf("%nthroughput, %s (combined, one thread, per CPU second): %.0f classifications/s, %.1f µs CPU each "
                + "(mean text %.0f chars; wall-clock %.0f/s on a shared machine) [%d]%n",
                what, n / seconds, seconds * 1e6 / n, chars, n / wall, sink % 2);
    }

    static final class Score {
        private final Map<String, int[]> perClass = new TreeMap<>(); // tp, fp, fn
        private int right;
        private int total;

        void add(String expected, String actual) {
            total++;
            perClass.computeIfAbsent(expected, k -> new int[3]);
            if (expected.equals(actual)) {
                right++;
                perClass.get(expected)[0]++;
            } else {
                perClass.get(expected)[2]++;
                if (actual != null) {
                    perClass.computeIfAbsent(actual, k -> new int[3])[1]++;
                }
            }
        }

        void print(String what) {
            double f1Sum = 0;
            StringBuilder lines = new StringBuilder();
            for (String label : new TreeSet<>(perClass.keySet())) {
                int[] c = perClass.get(label);
                double p = c[0] + c[1] == 0 ? 0 : (double) c[0] / (c[0] + c[1]);
                double r = c[0] + c[2] == 0 ? 0 : (double) c[0] / (c[0] + c[2]);
                double f1 = p + r == 0 ? 0 : 2 * p * r / (p + r);
                f1Sum += f1;
                lines.append(String.format("    %-26s P %.2f  R %.2f  F1 %.2f  (n=%d)%n", label, p, r, f1, c[0] + c[2]));
            }
            System.out.printf("  %s: accuracy %.3f, macro F1 %.3f%n%s", what, (double) right / total, f1Sum / perClass.size(), lines);
        }
    }
}
