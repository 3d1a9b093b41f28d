package org.kefu.priority;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.kefu.platform.Channel;
import org.kefu.ticket.Priority;

/** Properties of the score over seeded random tickets and rules (each repetition prints its seed on failure). */
class PriorityScoringPropertiesTest {

    private static RandomGenerator random(RepetitionInfo info) {
        return RandomGeneratorFactory.of("L64X128MixRandom").create(20_261_202L + info.getCurrentRepetition());
    }

    record Inputs(Duration deadline, Channel channel, long links, int tierRank, BigDecimal lifetimeValue, String complaintType,
                  int departments) {

        List<Signal> signals() {
            List<Signal> s = new ArrayList<>();
            if (deadline != null) {
                s.add(PrioritySignals.deadline(deadline));
            }
            s.add(PrioritySignals.channel(channel));
            s.add(PrioritySignals.linkedTickets(links));
            s.add(PrioritySignals.tier("t", tierRank, 10, 100));
            s.add(PrioritySignals.lifetimeValue(lifetimeValue));
            if (complaintType != null) {
                s.add(PrioritySignals.complaintType(complaintType));
            }
            s.add(PrioritySignals.departments(departments));
            return s;
        }
    }

    private static Inputs inputs(RandomGenerator r) {
        Channel[] channels = Channel.values();
        String[] types = {null, "SERVICE_ERROR", "PRODUCT_DEFECT", "CUSTOMER_MISUNDERSTANDING", "OTHER"};
        return new Inputs(r.nextInt(4) == 0 ? null : Duration.ofMinutes(r.nextLong(-3_000, 20_000)),
                channels[r.nextInt(channels.length)], r.nextLong(0, 12), r.nextInt(10, 101),
                BigDecimal.valueOf(r.nextLong(0, 100_000)), types[r.nextInt(types.length)], r.nextInt(1, 5));
    }

    private static PriorityRules rules(RandomGenerator r) {
        int p1 = r.nextInt(3, 101);
        int p2 = r.nextInt(2, p1 + 1);
        int p3 = r.nextInt(1, p2 + 1);
        int[] w = {r.nextInt(0, 101), r.nextInt(0, 101), r.nextInt(0, 101), r.nextInt(0, 101)};
        if (w[0] + w[1] + w[2] + w[3] == 0) {
            w[0] = 1;
        }
        return new PriorityRules(w[0], w[1], w[2], w[3], p1, p2, p3);
    }

    @RepeatedTest(300)
    void aNearerDeadlineNeverLowersTheScoreOrThePriority(RepetitionInfo info) {
        RandomGenerator r = random(info);
        Inputs ticket = inputs(r);
        PriorityRules rules = rules(r);
        Duration later = Duration.ofMinutes(r.nextLong(-3_000, 20_000));
        Duration sooner = later.minusMinutes(r.nextLong(0, 5_000));
        PriorityScore far = PriorityScoring.score(withDeadline(ticket, later).signals(), rules);
        PriorityScore near = PriorityScoring.score(withDeadline(ticket, sooner).signals(), rules);
        assertThat(near.score()).isGreaterThanOrEqualTo(far.score());
        assertThat(near.priority().ordinal()).isLessThanOrEqualTo(far.priority().ordinal());
        assertThat(near.factor(PriorityFactor.URGENCY)).isGreaterThanOrEqualTo(far.factor(PriorityFactor.URGENCY));
        // having a deadline at all never lowers it either
        PriorityScore none = PriorityScoring.score(withDeadline(ticket, null).signals(), rules);
        assertThat(far.score()).isGreaterThanOrEqualTo(none.score());
    }

    @RepeatedTest(300)
    void aStrongerSignalOfAnyFactorNeverLowersTheScore(RepetitionInfo info) {
        RandomGenerator r = random(info);
        PriorityRules rules = rules(r);
        List<Signal> signals = new ArrayList<>(inputs(r).signals());
        PriorityScore before = PriorityScoring.score(signals, rules);
        PriorityFactor f = PriorityFactor.values()[r.nextInt(4)];
        signals.add(new Signal("extra", f, r.nextInt(0, 101), "")); // e.g. emotion, an incident
        PriorityScore after = PriorityScoring.score(signals, rules);
        assertThat(after.score()).isGreaterThanOrEqualTo(before.score());
        assertThat(after.factor(f)).isGreaterThanOrEqualTo(before.factor(f));
    }

    @RepeatedTest(300)
    void aFactorWeightedZeroDoesNotCount(RepetitionInfo info) {
        RandomGenerator r = random(info);
        PriorityRules base = rules(r);
        PriorityFactor removed = PriorityFactor.values()[r.nextInt(4)];
        int[] w = {base.urgencyWeight(), base.impactWeight(), base.valueWeight(), base.complexityWeight()};
        w[removed.ordinal()] = 0;
        if (w[0] + w[1] + w[2] + w[3] == 0) {
            w[(removed.ordinal() + 1) % 4] = 1;
        }
        PriorityRules rules = new PriorityRules(w[0], w[1], w[2], w[3], base.p1Min(), base.p2Min(), base.p3Min());
        List<Signal> signals = new ArrayList<>(inputs(r).signals());
        PriorityScore without = PriorityScoring.score(signals, rules);
        signals.add(new Signal("extra", removed, 100, ""));
        PriorityScore with = PriorityScoring.score(signals, rules);
        assertThat(with.score()).isEqualTo(without.score());
        assertThat(with.quadrant()).isEqualTo(without.quadrant());
        assertThat(with.factor(removed)).isZero();
        assertThat(with.contribution(removed)).isZero();
    }

    @RepeatedTest(300)
    void thresholdsMapScoresConsistently(RepetitionInfo info) {
        RandomGenerator r = random(info);
        PriorityRules rules = rules(r);
        PriorityScore s = PriorityScoring.score(inputs(r).signals(), rules);
        Priority expected = s.score() >= rules.p1Min() ? Priority.P1 : s.score() >= rules.p2Min() ? Priority.P2
                : s.score() >= rules.p3Min() ? Priority.P3 : Priority.P4;
        assertThat(s.priority()).isEqualTo(expected);
        assertThat(s.score()).isBetween(0, 100);
        double sum = s.contributions().values().stream().mapToDouble(Double::doubleValue).sum();
        assertThat(Math.abs(sum - s.score())).isLessThanOrEqualTo(0.5);
        int a = r.nextInt(0, 101);
        int b = r.nextInt(a, 101);
        assertThat(rules.priorityOf(b).ordinal()).isLessThanOrEqualTo(rules.priorityOf(a).ordinal());
    }

    @RepeatedTest(300)
    void theQuadrantFollowsItsDefinition(RepetitionInfo info) {
        RandomGenerator r = random(info);
        PriorityScore s = PriorityScoring.score(inputs(r).signals(), rules(r));
        boolean urgent = s.factor(PriorityFactor.URGENCY) >= 50;
        boolean important = s.factor(PriorityFactor.IMPACT) >= 50 || s.factor(PriorityFactor.VALUE) >= 50
                || s.factor(PriorityFactor.COMPLEXITY) >= 50;
        Quadrant expected = urgent && important ? Quadrant.URGENT_IMPORTANT : urgent ? Quadrant.URGENT_NOT_IMPORTANT
                : important ? Quadrant.IMPORTANT_NOT_URGENT : Quadrant.NEITHER;
        assertThat(s.quadrant()).isEqualTo(expected);
    }

    @RepeatedTest(100)
    void theReviewTimeIsWhenTheDeadlineSignalHasRisenByFivePoints(RepetitionInfo info) {
        RandomGenerator r = random(info);
        Duration remaining = Duration.ofMinutes(r.nextLong(121, 30_000));
        int now = PrioritySignals.deadline(remaining).value();
        var next = PrioritySignals.nextReviewIn(remaining);
        assertThat(next).isPresent();
        assertThat(next.get()).isPositive();
        Duration at = remaining.minus(next.get());
        assertThat(PrioritySignals.deadline(at).value()).isGreaterThanOrEqualTo(Math.min(100, now + 5));
        assertThat(PrioritySignals.deadline(at.plusMinutes(2)).value()).isLessThan(Math.min(100, now + 5));
    }

    @Test
    void aVipChatDueWithinTheHourIsP1UrgentAndImportantUnderTheDefaults() {
        List<Signal> signals = List.of(PrioritySignals.deadline(Duration.ofMinutes(50)), PrioritySignals.channel(Channel.CHAT),
                PrioritySignals.tier("VIP", 100, 10, 100), PrioritySignals.lifetimeValue(BigDecimal.ZERO),
                PrioritySignals.linkedTickets(0), PrioritySignals.departments(1));
        PriorityScore s = PriorityScoring.score(signals, PriorityRules.DEFAULTS);
        assertThat(s.score()).isEqualTo(75);
        assertThat(s.priority()).isEqualTo(Priority.P1);
        assertThat(s.quadrant()).isEqualTo(Quadrant.URGENT_IMPORTANT);
    }

    @Test
    void aRegularEmailWithoutDeadlineIsP3AndNeitherUrgentNorImportant() {
        List<Signal> signals = List.of(PrioritySignals.channel(Channel.EMAIL), PrioritySignals.tier("普通", 10, 10, 100),
                PrioritySignals.lifetimeValue(BigDecimal.ZERO), PrioritySignals.linkedTickets(0), PrioritySignals.departments(1));
        PriorityScore s = PriorityScoring.score(signals, PriorityRules.DEFAULTS);
        assertThat(s.score()).isEqualTo(16);
        assertThat(s.priority()).isEqualTo(Priority.P3);
        assertThat(s.quadrant()).isEqualTo(Quadrant.NEITHER);
    }

    private static Inputs withDeadline(Inputs i, Duration d) {
        return new Inputs(d, i.channel(), i.links(), i.tierRank(), i.lifetimeValue(), i.complaintType(), i.departments());
    }
}
