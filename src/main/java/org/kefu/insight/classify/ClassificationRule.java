package org.kefu.insight.classify;

import java.util.List;
import java.util.Objects;

/**
 * An admin's keyword rule: any of its keywords (Simplified, Traditional or English phrases, matched on folded text) adds
 * {@code weight} to its complaint type and/or topic. A negatable rule counts only {@link RuleSet#NEGATED_SHARE} of its
 * weight when a negation (没有, 不, not, no ...) stands shortly before the keyword in the same clause: 没有质量问题 is
 * not a quality complaint. Rules whose keywords are themselves complaints about something missing (没收到, 未到账) are
 * not negatable.
 */
public record ClassificationRule(long id, String name, List<String> keywords, String complaintType, String topic,
        double weight, boolean negatable, boolean active) {

    public ClassificationRule {
        Objects.requireNonNull(name, "name");
        keywords = List.copyOf(keywords);
        if (complaintType == null && topic == null) {
            throw new IllegalArgumentException("a rule needs a complaint type or a topic");
        }
        if (!(weight > 0 && weight <= 10)) {
            throw new IllegalArgumentException("weight must be in (0, 10]: " + weight);
        }
    }

    /** The keywords one per line, as the admin page edits them. */
    public String keywordLines() {
        return String.join("\n", keywords);
    }
}
