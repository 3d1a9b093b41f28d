package org.kefu.priority;

import java.util.Objects;

/**
 * One observed input of a factor, already rated 0–100: "demand deadline in 1 h" is urgency 100,
 * "channel chat" urgency 70. A factor's value is its highest signal, so a new input (the customer's
 * emotion, an incident) is one more signal and never needs a new factor.
 *
 * @param key    what was observed, e.g. {@code deadline}, {@code channel}, {@code tier}
 * @param detail the observed value in plain text for the explanation (a channel, a count, a tier name)
 */
public record Signal(String key, PriorityFactor factor, int value, String detail) {

    public Signal {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(factor, "factor");
        if (value < 0 || value > 100) {
            throw new IllegalArgumentException("signal " + key + " must be 0..100, was " + value);
        }
        detail = detail == null ? "" : detail;
    }
}
