package org.kefu.insight.classify;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A trained classifier: one naive Bayes model for the complaint type and one for the topic, with the version it is
 * stored under. {@link #toBytes()} is what the database keeps (gzip of a small binary format: vocabulary and counts).
 */
record ClassifierModel(long version, Instant trainedAt, int seedExamples, int confirmedExamples,
        NaiveBayes types, NaiveBayes topics) {

    /** Features beyond this many (the most frequent are kept) would only cost memory at a million tickets. */
    static final int MAX_VOCABULARY = 200_000;

    private static final int MAGIC = 0x4B464E42;
    private static final int FORMAT = 1;

    ClassifierModel {
        Objects.requireNonNull(trainedAt, "trainedAt");
        Objects.requireNonNull(types, "types");
        Objects.requireNonNull(topics, "topics");
    }

    /** A labelled text; either label may be null (an agent confirmed only the type, say). */
    record Example(String type, String topic, String text) {
    }

    static ClassifierModel train(long version, Instant at, List<Example> seed, List<Example> confirmed, ClassifyText pipeline) {
        List<Map.Entry<String, Set<String>>> typeExamples = new ArrayList<>();
        List<Map.Entry<String, Set<String>>> topicExamples = new ArrayList<>();
        for (List<Example> examples : List.of(seed, confirmed)) {
            for (Example e : examples) {
                Set<String> features = pipeline.features(e.text());
                if (features.isEmpty()) {
                    continue;
                }
                if (e.type() != null) {
                    typeExamples.add(Map.entry(e.type(), features));
                }
                if (e.topic() != null) {
                    topicExamples.add(Map.entry(e.topic(), features));
                }
            }
        }
        return new ClassifierModel(version, at, seed.size(), confirmed.size(),
                NaiveBayes.train(typeExamples, MAX_VOCABULARY), NaiveBayes.train(topicExamples, MAX_VOCABULARY));
    }

    int vocabularySize() {
        return Math.max(types.vocabularySize(), topics.vocabularySize());
    }

    List<String> typeLabels() {
        return types.labels();
    }

    List<String> topicLabels() {
        return topics.labels();
    }

    byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bytes))) {
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            out.writeLong(version);
            out.writeLong(trainedAt.toEpochMilli());
            out.writeInt(seedExamples);
            out.writeInt(confirmedExamples);
            types.write(out);
            topics.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Reads {@link #toBytes()}; an unreadable or foreign blob is an {@link IllegalArgumentException}. */
    static ClassifierModel fromBytes(byte[] stored) {
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(new ByteArrayInputStream(stored)))) {
            if (in.readInt() != MAGIC) {
                throw new IllegalArgumentException("not a stored classifier model");
            }
            int format = in.readInt();
            if (format != FORMAT) {
                throw new IllegalArgumentException("unknown classifier model format " + format);
            }
            long version = in.readLong();
            Instant at = Instant.ofEpochMilli(in.readLong());
            int seed = in.readInt();
            int confirmed = in.readInt();
            return new ClassifierModel(version, at, seed, confirmed, NaiveBayes.read(in), NaiveBayes.read(in));
        } catch (IOException e) {
            throw new IllegalArgumentException("unreadable classifier model", e);
        }
    }
}
