package org.kefu.insight.classify;

import java.time.Instant;
import java.util.List;

/**
 * The model in use. Version 0 is the seed model every node trains from the shipped labelled set until the first stored
 * model exists. {@code confirmationsSince}: agents' confirmations and corrections not yet in the model.
 */
public record ModelInfo(long version, Instant trainedAt, String trigger, int seedExamples, int confirmedExamples,
        int vocabularySize, List<String> complaintTypes, List<String> topics, long confirmationsSince) {
}
