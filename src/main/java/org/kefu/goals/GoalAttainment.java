package org.kefu.goals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How far each goal is reached in a period: of the tickets opened in it, how many reached the act
 * within the threshold (met), how many did not (missed: late, or not yet and past the deadline), and
 * how many are still inside their threshold (pending, not counted). One indexed aggregate per goal and period.
 */
@Service
@Transactional(readOnly = true)
public class GoalAttainment {

    private final Goals goals;
    private final GoalOutcomes outcomes;
    private final ManagingGoals managing;
    private final Clock clock;

    GoalAttainment(Goals goals, GoalOutcomes outcomes, ManagingGoals managing, Clock clock) {
        this.goals = goals;
        this.outcomes = outcomes;
        this.managing = managing;
        this.clock = clock;
    }

    /**
     * {@code percent} is met / (met + missed), null when nothing is decided yet; {@code attained} when it
     * is at least the goal's target.
     */
    public record Attainment(long goalId, GoalPeriod period, Instant from, Instant to, java.time.LocalDate firstDay,
                             java.time.LocalDate lastDay, long met, long missed, long pending, BigDecimal percent,
                             BigDecimal targetPercent, Boolean attained) {

        public long decided() {
            return met + missed;
        }
    }

    /**
     * The period containing {@code at} (now when null), with boundaries in {@code zone}; the counts are
     * as they stand now (a ticket of a past period answered since counts as it was answered).
     */
    public Attainment of(long goalId, GoalPeriod period, ZoneId zone, Instant at) {
        return of(managing.get(goalId), period, zone, at == null ? clock.instant() : at);
    }

    /** Every goal for today, this week and this month. */
    public List<GoalRow> overview(ZoneId zone) {
        Instant now = clock.instant();
        return goals.all().stream().map(g -> new GoalRow(g, of(g, GoalPeriod.DAY, zone, now),
                of(g, GoalPeriod.WEEK, zone, now), of(g, GoalPeriod.MONTH, zone, now))).toList();
    }

    public record GoalRow(ServiceGoal goal, Attainment day, Attainment week, Attainment month) {
    }

    private Attainment of(ServiceGoal goal, GoalPeriod period, ZoneId zone, Instant at) {
        GoalPeriod.Range range = period.rangeAt(at, zone);
        GoalOutcomes.Counts c = outcomes.count(goal.id(), range.from(), range.to(), clock.instant());
        long decided = c.met() + c.missed();
        BigDecimal percent = decided == 0 ? null
                : BigDecimal.valueOf(c.met()).multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(decided), 2, RoundingMode.HALF_UP);
        // attained compares exact fractions (met * 100 >= target * decided), not the rounded percentage
        Boolean attained = decided == 0 ? null
                : BigDecimal.valueOf(c.met()).multiply(BigDecimal.valueOf(100))
                        .compareTo(goal.targetPercent().multiply(BigDecimal.valueOf(decided))) >= 0;
        return new Attainment(goal.id(), period, range.from(), range.to(), range.firstDay(), range.lastDay(), c.met(),
                c.missed(), c.pending(), percent, goal.targetPercent(), attained);
    }
}
