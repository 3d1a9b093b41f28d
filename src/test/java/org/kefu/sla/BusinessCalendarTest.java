package org.kefu.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BusinessCalendarTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static Instant berlin(String local) {
        return LocalDateTime.parse(local).atZone(BERLIN).toInstant();
    }

    private static BusinessCalendar berlinEveryDay(String hours) {
        Map<DayOfWeek, OpeningHours> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            week.put(d, OpeningHours.parse(hours));
        }
        return new BusinessCalendar(BERLIN, week, Map.of());
    }

    @Test
    void aTwentyFourSevenCalendarCountsWallClockTime() {
        BusinessCalendar always = BusinessCalendar.twentyFourSeven();
        Instant t = Instant.parse("2026-02-16T23:59:30Z");
        assertThat(always.addBusinessTime(t, Duration.ofSeconds(15))).isEqualTo(t.plusSeconds(15));
        assertThat(always.businessTimeBetween(t, t.plus(Duration.ofDays(40)))).isEqualTo(Duration.ofDays(40));
        assertThat(always.isOpen(t)).isTrue();
        assertThat(always.nextOpening(t)).isEqualTo(t);
    }

    @Test
    void aBerlinDayOpenAroundTheClockLasts23HoursInMarchAnd25InOctober() {
        BusinessCalendar calendar = BusinessCalendar.twentyFourSeven(BERLIN);
        assertThat(calendar.businessTimeBetween(berlin("2026-03-29T00:00"), berlin("2026-03-30T00:00"))).isEqualTo(Duration.ofHours(23));
        assertThat(calendar.businessTimeBetween(berlin("2026-10-25T00:00"), berlin("2026-10-26T00:00"))).isEqualTo(Duration.ofHours(25));
    }

    @Test
    void openingHoursAcrossTheSpringGapCountOnlyRealTime() {
        BusinessCalendar calendar = berlinEveryDay("01:00-04:00");
        // 01:00 CET to 04:00 CEST is two real hours
        assertThat(calendar.businessTimeBetween(berlin("2026-03-29T00:00"), berlin("2026-03-29T12:00"))).isEqualTo(Duration.ofHours(2));
        assertThat(calendar.addBusinessTime(berlin("2026-03-29T01:30"), Duration.ofMinutes(60))).isEqualTo(berlin("2026-03-29T03:30"));
        // and 01:00 CEST to 04:00 CET four real hours in October
        assertThat(calendar.businessTimeBetween(berlin("2026-10-25T00:00"), berlin("2026-10-25T12:00"))).isEqualTo(Duration.ofHours(4));
    }

    @Test
    void anIntervalInsideTheSpringGapIsEmptyThatDay() {
        BusinessCalendar calendar = berlinEveryDay("02:00-02:30,09:00-10:00");
        assertThat(calendar.businessTimeBetween(berlin("2026-03-29T00:00"), berlin("2026-03-30T00:00"))).isEqualTo(Duration.ofHours(1));
        assertThat(calendar.nextOpening(berlin("2026-03-29T00:00"))).isEqualTo(berlin("2026-03-29T09:00"));
        assertThat(calendar.nextOpening(berlin("2026-03-30T00:00"))).isEqualTo(berlin("2026-03-30T02:00"));
    }

    @Test
    void addingZeroReturnsTheStartEvenWhenClosed() {
        BusinessCalendar calendar = berlinEveryDay("09:00-17:00");
        Instant night = berlin("2026-05-05T22:00");
        assertThat(calendar.addBusinessTime(night, Duration.ZERO)).isEqualTo(night);
        assertThat(calendar.isOpen(night)).isFalse();
    }

    @Test
    void aStartOutsideOpeningHoursCountsFromTheNextOpening() {
        BusinessCalendar calendar = berlinEveryDay("09:00-17:00");
        assertThat(calendar.addBusinessTime(berlin("2026-05-05T06:00"), Duration.ofMinutes(30))).isEqualTo(berlin("2026-05-05T09:30"));
        assertThat(calendar.addBusinessTime(berlin("2026-05-05T17:00"), Duration.ofMinutes(30))).isEqualTo(berlin("2026-05-06T09:30"));
    }

    @Test
    void openingIsOpenAndClosingIsClosedAndATargetMayEndAtClosing() {
        BusinessCalendar calendar = berlinEveryDay("09:00-17:00");
        assertThat(calendar.isOpen(berlin("2026-05-05T09:00"))).isTrue();
        assertThat(calendar.isOpen(berlin("2026-05-05T17:00"))).isFalse();
        assertThat(calendar.addBusinessTime(berlin("2026-05-05T16:00"), Duration.ofHours(1))).isEqualTo(berlin("2026-05-05T17:00"));
        assertThat(calendar.addBusinessTime(berlin("2026-05-05T16:00"), Duration.ofHours(1).plusNanos(1)))
                .isEqualTo(berlin("2026-05-06T09:00").plusNanos(1));
    }

    @Test
    void anIntervalEndingAt24MeetsTheNextDaysMidnightOpening() {
        BusinessCalendar calendar = berlinEveryDay("00:00-06:00,22:00-24:00");
        assertThat(calendar.addBusinessTime(berlin("2026-05-05T23:00"), Duration.ofHours(2))).isEqualTo(berlin("2026-05-06T01:00"));
        assertThat(calendar.isOpen(berlin("2026-05-06T00:00"))).isTrue();
    }

    @Test
    void hoursAcrossMidnightOrOverlappingAreRefusedWithAReason() {
        assertThatThrownBy(() -> OpeningHours.parse("22:00-06:00")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("split at 24:00");
        assertThatThrownBy(() -> OpeningHours.parse("09:00-12:00,11:00-13:00")).hasMessageContaining("overlap");
        assertThatThrownBy(() -> OpeningHours.parse("09:00-25:00")).hasMessageContaining("not a time of day");
        assertThatThrownBy(() -> OpeningHours.parse("nine to five")).hasMessageContaining("not an interval");
        assertThat(OpeningHours.parse("13:30-18:00, 09:00-12:00").toString()).isEqualTo("09:00-12:00,13:30-18:00");
    }

    @Test
    void aCalendarThatNeverOpensIsRefused() {
        assertThatThrownBy(() -> new BusinessCalendar(BERLIN, Map.of(), Map.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void negativeBusinessTimeIsRefusedAndMeasuringBackwardsIsNegative() {
        BusinessCalendar calendar = berlinEveryDay("09:00-17:00");
        assertThatThrownBy(() -> calendar.addBusinessTime(berlin("2026-05-05T09:00"), Duration.ofMinutes(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(calendar.businessTimeBetween(berlin("2026-05-05T12:00"), berlin("2026-05-05T10:00"))).isEqualTo(Duration.ofHours(-2));
    }

    @Test
    void aHolidayOverridesTheWeekAndAMakeUpDayOpensAWeekend() {
        Map<DayOfWeek, OpeningHours> week = new EnumMap<>(DayOfWeek.class);
        week.put(DayOfWeek.MONDAY, OpeningHours.parse("09:00-17:00"));
        BusinessCalendar calendar = new BusinessCalendar(BERLIN, week, Map.of(
                LocalDate.parse("2026-05-04"), OpeningHours.CLOSED,
                LocalDate.parse("2026-05-09"), OpeningHours.parse("10:00-12:00")));
        assertThat(calendar.nextOpening(berlin("2026-05-04T10:00"))).isEqualTo(berlin("2026-05-09T10:00"));
        assertThat(calendar.addBusinessTime(berlin("2026-05-03T10:00"), Duration.ofHours(3))).isEqualTo(berlin("2026-05-11T10:00"));
    }
}
