package org.kefu.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/**
 * Laws of business-time arithmetic checked on seeded random calendars (several time zones with
 * and without DST, random opening hours, holidays and make-up days). A failure message names the
 * seed, so the case can be replayed.
 */
class BusinessTimePropertiesTest {

    private static final long BASE_SEED = 20260215L;

    private static RandomCalendars gen(RepetitionInfo info) {
        return new RandomCalendars(BASE_SEED + info.getCurrentRepetition());
    }

    @RepeatedTest(400)
    void measuringWhatWasAddedGivesItBack(RepetitionInfo info) {
        RandomCalendars g = gen(info);
        BusinessCalendar calendar = g.calendar();
        Instant start = g.instant();
        Duration amount = g.duration();
        Instant due = calendar.addBusinessTime(start, amount);
        assertThat(calendar.businessTimeBetween(start, due)).as("seed %d, %s + %s = %s", g.seed, start, amount, due)
                .isEqualTo(amount);
        assertThat(due).isAfterOrEqualTo(start);
    }

    @RepeatedTest(400)
    void aDueTimeIsOpenOrExactlyAClosingInstant(RepetitionInfo info) {
        RandomCalendars g = gen(info);
        BusinessCalendar calendar = g.calendar();
        Instant start = g.instant();
        Duration amount = g.duration();
        if (amount.isZero()) {
            amount = Duration.ofSeconds(1);
        }
        Instant due = calendar.addBusinessTime(start, amount);
        boolean open = calendar.isOpen(due);
        boolean closingInstant = !open && calendar.isOpen(due.minusNanos(1));
        assertThat(open || closingInstant).as("seed %d: due %s of %s + %s is in closed hours", g.seed, due, start, amount)
                .isTrue();
    }

    @RepeatedTest(300)
    void laterStartsAndLongerDurationsNeverGiveEarlierDueTimes(RepetitionInfo info) {
        RandomCalendars g = gen(info);
        BusinessCalendar calendar = g.calendar();
        Instant a = g.instant();
        Instant b = g.instant();
        Instant early = a.isBefore(b) ? a : b;
        Instant late = a.isBefore(b) ? b : a;
        Duration d1 = g.duration();
        Duration d2 = d1.plus(g.duration());
        assertThat(calendar.addBusinessTime(early, d1)).as("seed %d", g.seed)
                .isBeforeOrEqualTo(calendar.addBusinessTime(late, d1))
                .isBeforeOrEqualTo(calendar.addBusinessTime(late, d2));
        assertThat(calendar.businessTimeBetween(early, late)).isLessThanOrEqualTo(Duration.between(early, late));
    }

    @RepeatedTest(300)
    void addingInTwoStepsEqualsAddingOnce(RepetitionInfo info) {
        RandomCalendars g = gen(info);
        BusinessCalendar calendar = g.calendar();
        Instant start = g.instant();
        Duration d1 = g.duration();
        Duration d2 = g.duration();
        assertThat(calendar.addBusinessTime(calendar.addBusinessTime(start, d1), d2)).as("seed %d", g.seed)
                .isEqualTo(calendar.addBusinessTime(start, d1.plus(d2)));
    }

    @RepeatedTest(300)
    void measuredSpansAddUp(RepetitionInfo info) {
        RandomCalendars g = gen(info);
        BusinessCalendar calendar = g.calendar();
        Instant a = g.instant();
        Instant b = g.instant();
        Instant c = g.instant();
        assertThat(calendar.businessTimeBetween(a, b).plus(calendar.businessTimeBetween(b, c))).as("seed %d", g.seed)
                .isEqualTo(calendar.businessTimeBetween(a, c));
        assertThat(calendar.businessTimeBetween(b, a)).isEqualTo(calendar.businessTimeBetween(a, b).negated());
    }

    @RepeatedTest(300)
    void nextOpeningIsOpenAndNothingIsOpenBeforeIt(RepetitionInfo info) {
        RandomCalendars g = gen(info);
        BusinessCalendar calendar = g.calendar();
        Instant t = g.instant();
        Instant next = calendar.nextOpening(t);
        assertThat(calendar.isOpen(next)).as("seed %d", g.seed).isTrue();
        assertThat(calendar.businessTimeBetween(t, next)).isZero();
        assertThat(next.equals(t)).isEqualTo(calendar.isOpen(t));
    }

    @RepeatedTest(300)
    void holidaysAreClosedAndMakeUpDaysOpenAtTheirHours(RepetitionInfo info) {
        RandomCalendars g = gen(info);
        BusinessCalendar calendar = g.calendar();
        calendar.specialDays().forEach((date, hours) -> {
            ZoneId zone = calendar.zone();
            Instant dayStart = date.atStartOfDay(zone).toInstant();
            Instant dayEnd = date.plusDays(1).atStartOfDay(zone).toInstant();
            Duration open = calendar.businessTimeBetween(dayStart, dayEnd);
            if (hours.isClosed()) {
                assertThat(open).as("seed %d: holiday %s", g.seed, date).isZero();
                assertThat(calendar.isOpen(dayStart.plus(Duration.between(dayStart, dayEnd).dividedBy(2)))).isFalse();
            } else if (zone.getRules().nextTransition(dayStart.minusSeconds(1)) == null
                    || zone.getRules().nextTransition(dayStart.minusSeconds(1)).getInstant().isAfter(dayEnd)) {
                assertThat(open).as("seed %d: working day %s", g.seed, date)
                        .isEqualTo(Duration.ofMinutes(hours.openMinutes()));
                OpeningHours.Interval first = hours.intervals().getFirst();
                Instant opening = ZonedDateTime.of(date, LocalTime.of(first.from() / 60, first.from() % 60), zone).toInstant();
                assertThat(calendar.isOpen(opening)).isTrue();
            }
        });
    }

    /** Against a slow oracle that asks, minute by minute, whether the local time lies in that day's hours. */
    @RepeatedTest(150)
    void agreesWithAMinuteByMinuteOracleAwayFromDstChanges(RepetitionInfo info) {
        RandomCalendars g = gen(info);
        BusinessCalendar calendar = g.calendar();
        ZoneId zone = calendar.zone();
        Instant a = g.instant();
        a = a.minusNanos(a.getNano()).minusSeconds(a.getEpochSecond() % 60);
        Instant b = a.plus(Duration.ofMinutes(g.random.nextInt(4 * 24 * 60)));
        if (zone.getRules().nextTransition(a.minus(Duration.ofDays(1))) != null
                && zone.getRules().nextTransition(a.minus(Duration.ofDays(1))).getInstant().isBefore(b.plus(Duration.ofDays(1)))) {
            return; // DST days are covered by the DST tests
        }
        long minutes = 0;
        for (Instant m = a; m.isBefore(b); m = m.plusSeconds(60)) {
            ZonedDateTime local = m.atZone(zone);
            LocalDate date = local.toLocalDate();
            int minute = local.getHour() * 60 + local.getMinute();
            boolean open = calendar.hoursOn(date).intervals().stream().anyMatch(i -> i.from() <= minute && minute < i.to());
            assertThat(calendar.isOpen(m)).as("seed %d at %s", g.seed, m).isEqualTo(open);
            if (open) {
                minutes++;
            }
        }
        assertThat(calendar.businessTimeBetween(a, b)).as("seed %d", g.seed).isEqualTo(Duration.ofMinutes(minutes));
    }

    /** Starts clustered around the Berlin DST changes of 2025 and 2026. */
    @RepeatedTest(300)
    void lawsHoldAcrossBerlinDstChanges(RepetitionInfo info) {
        RandomCalendars g = gen(info);
        BusinessCalendar calendar = g.calendar(ZoneId.of("Europe/Berlin"));
        Instant[] changes = {Instant.parse("2025-03-30T01:00:00Z"), Instant.parse("2025-10-26T01:00:00Z"),
                Instant.parse("2026-03-29T01:00:00Z"), Instant.parse("2026-10-25T01:00:00Z")};
        Instant start = changes[g.random.nextInt(changes.length)].plusSeconds(g.random.nextLong(-30 * 3600L, 6 * 3600L) / 900 * 900);
        Duration amount = Duration.ofMinutes(g.random.nextInt(1, 48 * 60));
        Instant due = calendar.addBusinessTime(start, amount);
        assertThat(calendar.businessTimeBetween(start, due)).as("seed %d from %s", g.seed, start).isEqualTo(amount);
        assertThat(calendar.isOpen(due) || calendar.isOpen(due.minusNanos(1))).as("seed %d due %s", g.seed, due).isTrue();
        assertThat(calendar.addBusinessTime(start.plusSeconds(900), amount)).isAfterOrEqualTo(due);
    }
}
