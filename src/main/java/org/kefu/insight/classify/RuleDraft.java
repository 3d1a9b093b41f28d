package org.kefu.insight.classify;

import java.util.List;

/**
 * A rule as an admin writes it. Keywords: 1-100 phrases, each up to 60 characters (Simplified, Traditional or English;
 * case and script do not matter). A rule targets a complaint type code, a topic code or both; weight in (0, 10],
 * default 1; negatable (default true) lets a negation before a keyword weaken it; active defaults to true.
 */
public record RuleDraft(String name, List<String> keywords, String complaintType, String topic, Double weight,
        Boolean negatable, Boolean active) {
}
