package org.kefu.insight.classify;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A multinomial naive Bayes classifier over binary feature sets (each feature counted once per text), with add-alpha
 * smoothing. Posteriors are tempered: the log-likelihood sum is divided by the square root of the number of known
 * features, because overlapping n-grams are far from independent and the raw posterior would be near 0 or 1 for any
 * text. Immutable after training; the counts are kept (not only the log-probabilities) so the model stores exactly.
 */
final class NaiveBayes {

    static final double ALPHA = 0.3;

    private final String[] labels;
    private final String[] vocabulary;
    private final Map<String, Integer> index;
    private final int[] documents;
    private final int[][] counts;
    private final long[] totals;
    private final double[] logPrior;
    private final float[][] logLikelihood;
    private final double[] logUnseen;

    NaiveBayes(String[] labels, String[] vocabulary, int[] documents, int[][] counts) {
        this.labels = labels;
        this.vocabulary = vocabulary;
        this.documents = documents;
        this.counts = counts;
        this.index = new HashMap<>(vocabulary.length * 2);
        for (int f = 0; f < vocabulary.length; f++) {
            index.put(vocabulary[f], f);
        }
        int k = labels.length;
        this.totals = new long[k];
        this.logPrior = new double[k];
        this.logLikelihood = new float[k][vocabulary.length];
        this.logUnseen = new double[k];
        long allDocuments = Arrays.stream(documents).asLongStream().sum();
        for (int l = 0; l < k; l++) {
            for (int c : counts[l]) {
                totals[l] += c;
            }
            logPrior[l] = Math.log((documents[l] + 1.0) / (allDocuments + k));
            double denominator = Math.log(totals[l] + ALPHA * (vocabulary.length + 1));
            for (int f = 0; f < vocabulary.length; f++) {
                logLikelihood[l][f] = (float) (Math.log(counts[l][f] + ALPHA) - denominator);
            }
            logUnseen[l] = Math.log(ALPHA) - denominator;
        }
    }

    /** Trains on labelled feature sets; a vocabulary over {@code maxVocabulary} keeps the most frequent features. */
    static NaiveBayes train(List<Map.Entry<String, Set<String>>> examples, int maxVocabulary) {
        Map<String, Integer> labelIndex = new LinkedHashMap<>();
        Map<String, Integer> frequency = new HashMap<>();
        for (Map.Entry<String, Set<String>> e : examples) {
            labelIndex.putIfAbsent(e.getKey(), labelIndex.size());
            for (String f : e.getValue()) {
                frequency.merge(f, 1, Integer::sum);
            }
        }
        String[] vocabulary = frequency.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(maxVocabulary).map(Map.Entry::getKey).sorted().toArray(String[]::new);
        Map<String, Integer> vocabularyIndex = new HashMap<>(vocabulary.length * 2);
        for (int f = 0; f < vocabulary.length; f++) {
            vocabularyIndex.put(vocabulary[f], f);
        }
        String[] labels = labelIndex.keySet().toArray(String[]::new);
        int[] documents = new int[labels.length];
        int[][] counts = new int[labels.length][vocabulary.length];
        for (Map.Entry<String, Set<String>> e : examples) {
            int l = labelIndex.get(e.getKey());
            documents[l]++;
            for (String f : e.getValue()) {
                Integer at = vocabularyIndex.get(f);
                if (at != null) {
                    counts[l][at]++;
                }
            }
        }
        return new NaiveBayes(labels, vocabulary, documents, counts);
    }

    List<String> labels() {
        return List.of(labels);
    }

    int vocabularySize() {
        return vocabulary.length;
    }

    int documents() {
        return Arrays.stream(documents).sum();
    }

    /** The posterior of each label (same order as {@link #labels()}); uniform when the model knows no feature of the text. */
    double[] posteriors(Collection<String> features) {
        int k = labels.length;
        double[] score = new double[k];
        int known = 0;
        for (String f : features) {
            Integer at = index.get(f);
            if (at == null) {
                continue;
            }
            known++;
            for (int l = 0; l < k; l++) {
                score[l] += logLikelihood[l][at];
            }
        }
        double[] out = new double[k];
        if (k == 0) {
            return out;
        }
        if (known == 0) {
            Arrays.fill(out, 1.0 / k);
            return out;
        }
        double temperature = Math.sqrt(known);
        double max = Double.NEGATIVE_INFINITY;
        for (int l = 0; l < k; l++) {
            score[l] = logPrior[l] + score[l] / temperature;
            max = Math.max(max, score[l]);
        }
        double sum = 0;
        for (int l = 0; l < k; l++) {
            out[l] = Math.exp(score[l] - max);
            sum += out[l];
        }
        for (int l = 0; l < k; l++) {
            out[l] /= sum;
        }
        return out;
    }

    void write(DataOutputStream out) throws IOException {
        out.writeInt(labels.length);
        for (int l = 0; l < labels.length; l++) {
            out.writeUTF(labels[l]);
            out.writeInt(documents[l]);
        }
        out.writeInt(vocabulary.length);
        for (String f : vocabulary) {
            out.writeUTF(f);
        }
        for (int[] row : counts) {
            int nonZero = 0;
            for (int c : row) {
                nonZero += c == 0 ? 0 : 1;
            }
            out.writeInt(nonZero);
            for (int f = 0; f < row.length; f++) {
                if (row[f] != 0) {
                    out.writeInt(f);
                    out.writeInt(row[f]);
                }
            }
        }
    }

    static NaiveBayes read(DataInputStream in) throws IOException {
        int k = in.readInt();
        String[] labels = new String[k];
        int[] documents = new int[k];
        for (int l = 0; l < k; l++) {
            labels[l] = in.readUTF();
            documents[l] = in.readInt();
        }
        int v = in.readInt();
        String[] vocabulary = new String[v];
        for (int f = 0; f < v; f++) {
            vocabulary[f] = in.readUTF();
        }
        int[][] counts = new int[k][v];
        for (int l = 0; l < k; l++) {
            int nonZero = in.readInt();
            for (int i = 0; i < nonZero; i++) {
                counts[l][in.readInt()] = in.readInt();
            }
        }
        return new NaiveBayes(labels, vocabulary, documents, counts);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NaiveBayes other && Arrays.equals(labels, other.labels)
                && Arrays.equals(vocabulary, other.vocabulary) && Arrays.equals(documents, other.documents)
                && Arrays.deepEquals(counts, other.counts);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(labels) * 31 + Arrays.hashCode(vocabulary);
    }
}
