package org.kefu.priority;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import org.kefu.insight.Emotion;
import org.kefu.platform.Channel;

/**
 * How each observed input is rated 0–100. Every rule here is monotonic: a nearer deadline, a
 * higher tier, more linked tickets, more departments or a stronger negative emotion never rate
 * lower. Incidents will become a further signal of impact.
 */
public final class PrioritySignals {

    private PrioritySignals() {
    }

    /**
     * The customer's demand deadline (诉求时效): 100 when it is at most 2 hours away or past, then
     * falling to 60 at 24 hours, 30 at 3 days, 10 at 7 days and beyond.
     */
    public static Signal deadline(Duration remaining) {
        double h = remaining.getSeconds() / 3600.0;
        double value;
        if (h <= 2) {
            value = 100;
        } else if (h <= 24) {
            value = 100 - 40 * (h - 2) / 22;
        } else if (h <= 72) {
            value = 60 - 30 * (h - 24) / 48;
        } else if (h <= 168) {
            value = 30 - 20 * (h - 72) / 96;
        } else {
            value = 10;
        }
        return new Signal("deadline", PriorityFactor.URGENCY, (int) Math.round(value), remaining.toString());
    }

    /**
     * How long until the deadline signal has risen by at least 5 points (for the review sweep, since
     * time alone makes a ticket more urgent); empty once it is 100.
     */
    public static Optional<Duration> nextReviewIn(Duration remaining) {
        int now = deadline(remaining).value();
        if (now >= 100) {
            return Optional.empty();
        }
        int wanted = Math.min(100, now + 5);
        long lo = 0; // seconds still remaining at the review: deadline(lo) >= wanted
        long hi = remaining.getSeconds(); // deadline(hi) < wanted
        while (hi - lo > 60) {
            long mid = lo + (hi - lo) / 2;
            if (deadline(Duration.ofSeconds(mid)).value() >= wanted) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return Optional.of(remaining.minusSeconds(lo));
    }

    /** Live channels wait on the line: phone 80, chat 70, social 50, email and web 35, API 20. */
    public static Signal channel(Channel channel) {
        int value = switch (channel) {
            case PHONE -> 80;
            case CHAT -> 70;
            case SOCIAL -> 50;
            case EMAIL, WEB -> 35;
            case API -> 20;
        };
        return new Signal("channel", PriorityFactor.URGENCY, value, channel.name());
    }

    /**
     * The customer's emotion in their newest message (情绪): angry 60–100, anxious 40–70, disappointed
     * 30–50, rising with intensity; calm and satisfied 0. An angry customer is soothed first.
     */
    public static Signal emotion(Emotion label, double intensity) {
        double i = Math.max(0, Math.min(1, intensity));
        int value = (int) Math.round(switch (label) {
            case ANGRY -> 60 + 40 * i;
            case ANXIOUS -> 40 + 30 * i;
            case DISAPPOINTED -> 30 + 20 * i;
            case NEUTRAL, SATISFIED -> 0;
        });
        return new Signal("emotion", PriorityFactor.URGENCY, value, label.name());
    }

    /** Linked tickets (影响范围): 100 × (1 − 0.7ⁿ): one link 30, two 51, five 83. */
    public static Signal linkedTickets(long count) {
        long n = Math.max(0, count);
        return new Signal("linkedTickets", PriorityFactor.IMPACT, (int) Math.round(100 * (1 - Math.pow(0.7, n))),
                Long.toString(n));
    }

    /** The customer's tier by rank among all tiers: the lowest 0, the highest 100. */
    public static Signal tier(String tierName, int rank, int lowestRank, int highestRank) {
        int value = highestRank <= lowestRank ? 0
                : (int) Math.round(100.0 * (Math.clamp(rank, lowestRank, highestRank) - lowestRank) / (highestRank - lowestRank));
        return new Signal("tier", PriorityFactor.VALUE, value, tierName);
    }

    /** Lifetime value: 25 per power of ten, so 99 is 50, 999 is 75 and 9,999 or more is 100. */
    public static Signal lifetimeValue(BigDecimal amount) {
        double v = amount == null ? 0 : Math.max(0, amount.doubleValue());
        return new Signal("lifetimeValue", PriorityFactor.VALUE, (int) Math.min(100, Math.round(25 * Math.log10(1 + v))),
                amount == null ? "0" : amount.toPlainString());
    }

    /** Complaint type: product defect 60, service error 50, customer misunderstanding 20, any other type 40. */
    public static Signal complaintType(String code) {
        int value = switch (code) {
            case "PRODUCT_DEFECT" -> 60;
            case "SERVICE_ERROR" -> 50;
            case "CUSTOMER_MISUNDERSTANDING" -> 20;
            default -> 40;
        };
        return new Signal("complaintType", PriorityFactor.COMPLEXITY, value, code);
    }

    /** Departments involved (the ticket's own plus those asked for help): one 0, two 50, three 75. */
    public static Signal departments(int count) {
        int n = Math.max(1, count);
        return new Signal("departments", PriorityFactor.COMPLEXITY, (int) Math.round(100 * (1 - Math.pow(0.5, n - 1))),
                Integer.toString(n));
    }
}
