package org.kefu.insight;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Evaluates {@link EmotionReader} on bench/emotion/data/messages.tsv: negative-vs-not and angry-vs-not precision, recall
 * and F1 per split and language, a confusion matrix per split, and single-thread throughput after warm-up.
 * Options: --data=path, --errors=dev (print dev misclassifications; never tune on held-out).
 */
public final class EmotionBench {

    record Row(String id, String language, String split, Emotion label, String text) {
    }

    public static void main(String[] args) throws IOException {
        Path data = Path.of("bench/emotion/data/messages.tsv");
        String errors = null;
        for (String arg : args) {
            if (arg.startsWith("--data=")) {
                data = Path.of(arg.substring(7));
            } else if (arg.startsWith("--errors=")) {
                errors = arg.substring(9);
            }
        }
        List<Row> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(data, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", 5);
            rows.add(new Row(f[0], f[1], f[2], Emotion.valueOf(f[3]), f[4]));
        }
        EmotionReader reader = new EmotionReader();
        Map<Row, Emotion> predicted = new LinkedHashMap<>();
        for (Row row : rows) {
            predicted.put(row, reader.read(row.text()).label());
        }
        System.out.printf("rows: %d (dev %d, heldout %d), lexicon terms: %d%n", rows.size(),
                rows.stream().filter(r -> r.split().equals("dev")).count(),
                rows.stream().filter(r -> r.split().equals("heldout")).count(), reader.lexiconSize());
        Set<Row> unseen = unseenHeldOut(rows);
        System.out.printf("held-out rows with no near-duplicate (char-bigram Jaccard >= %.2f, after folding) in dev: %d%n",
                NEAR_DUPLICATE, unseen.size());
        for (String section : List.of("dev", "heldout", "heldout-unseen")) {
            String split = section.startsWith("heldout") ? "heldout" : "dev";
            Predicate<Row> inSection = section.equals("heldout-unseen") ? unseen::contains : r -> r.split().equals(split);
            System.out.printf("%n== %s ==%n", section);
            System.out.printf("%-8s %5s | %-26s | %-26s | %s%n", "language", "n", "negative P / R / F1", "angry P / R / F1",
                    "exact label accuracy");
            for (String language : List.of("zh-CN", "zh-TW", "en", "all")) {
                List<Row> subset = rows.stream().filter(inSection)
                        .filter(r -> language.equals("all") || r.language().equals(language)).toList();
                System.out.printf("%-8s %5d | %s | %s | %.3f%n", language, subset.size(),
                        prf(subset, predicted, Emotion::isNegative), prf(subset, predicted, e -> e == Emotion.ANGRY),
                        subset.stream().filter(r -> predicted.get(r) == r.label()).count() / (double) subset.size());
            }
            System.out.printf("%nconfusion (rows = true label, columns = predicted)%n%-13s", "");
            for (Emotion e : Emotion.values()) {
                System.out.printf("%13s", e);
            }
            System.out.println();
            for (Emotion truth : Emotion.values()) {
                System.out.printf("%-13s", truth);
                for (Emotion guess : Emotion.values()) {
                    long n = rows.stream().filter(r -> inSection.test(r) && r.label() == truth
                            && predicted.get(r) == guess).count();
                    System.out.printf("%13d", n);
                }
                System.out.println();
            }
        }
        if ("dev".equals(errors)) {
            System.out.println("\n== dev errors ==");
            for (Row row : rows) {
                if (row.split().equals("dev") && predicted.get(row) != row.label()) {
                    System.out.printf("%s %s->%s %s  %s%n", row.id(), row.label(), predicted.get(row), row.text(),
                            reader.read(row.text()).cues());
                }
            }
        }
        throughput(reader, rows);
    }

    static final double NEAR_DUPLICATE = 0.35;

    /** Held-out rows that have no near-duplicate in dev (e.g. a zh-TW message written as a variant of a zh-CN one). */
    private static Set<Row> unseenHeldOut(List<Row> rows) {
        ScriptFolding folding = ScriptFolding.fromResource("insight/emotion/traditional-simplified.txt");
        List<Set<String>> dev = rows.stream().filter(r -> r.split().equals("dev"))
                .map(r -> bigrams(folding.fold(r.text()))).toList();
        Set<Row> unseen = new HashSet<>();
        for (Row row : rows) {
            if (!row.split().equals("heldout")) {
                continue;
            }
            Set<String> own = bigrams(folding.fold(row.text()));
            boolean near = dev.stream().anyMatch(other -> {
                Set<String> union = new HashSet<>(own);
                union.addAll(other);
                long common = own.stream().filter(other::contains).count();
                return !union.isEmpty() && common / (double) union.size() >= NEAR_DUPLICATE;
            });
            if (!near) {
                unseen.add(row);
            }
        }
        return unseen;
    }

    private static Set<String> bigrams(String text) {
        Set<String> grams = new HashSet<>();
        for (int i = 0; i + 2 <= text.length(); i++) {
            grams.add(text.substring(i, i + 2));
        }
        return grams;
    }

    private static String prf(List<Row> rows, Map<Row, Emotion> predicted, Predicate<Emotion> positive) {
        int tp = 0, fp = 0, fn = 0;
        for (Row row : rows) {
            boolean truth = positive.test(row.label());
            boolean guess = positive.test(predicted.get(row));
            if (truth && guess) {
                tp++;
            } else if (guess) {
                fp++;
            } else if (truth) {
                fn++;
            }
        }
        double p = tp + fp == 0 ? 0 : tp / (double) (tp + fp);
        double r = tp + fn == 0 ? 0 : tp / (double) (tp + fn);
        double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
        return String.format("%.3f / %.3f / %.3f (%3d)", p, r, f, tp + fn);
    }

    private static void throughput(EmotionReader reader, List<Row> rows) {
        String[] texts = rows.stream().map(Row::text).toArray(String[]::new);
        long sink = 0;
        long warmUpEnd = System.nanoTime() + 3_000_000_000L;
        while (System.nanoTime() < warmUpEnd) {
            for (String text : texts) {
                sink += reader.read(text).cues().size();
            }
        }
        long best = 0;
        for (int round = 0; round < 5; round++) {
            long messages = 0;
            long start = System.nanoTime();
            long end = start + 1_000_000_000L;
            long now;
            do {
                for (String text : texts) {
                    sink += reader.read(text).cues().size();
                }
                messages += texts.length;
                now = System.nanoTime();
            } while (now < end);
            best = Math.max(best, (long) (messages / ((now - start) / 1e9)));
            System.out.printf("%nthroughput round %d: %,d messages/s (one thread)", round + 1,
                    (long) (messages / ((now - start) / 1e9)));
        }
        double averageChars = rows.stream().mapToInt(r -> r.text().length()).average().orElse(0);
        System.out.printf("%nthroughput best: %,d messages/s on one thread (average message %.1f chars) [sink %d]%n",
                best, averageChars, sink % 10);
    }
}
