package org.kefu.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** Hand-checked due times around the 2026 Spring Festival on the mainland-China calendar (09:00–12:00, 13:30–18:00). */
class SpringFestival2026Test {

    private final BusinessCalendar china = MainlandChinaSchedule.calendar();

    private static Instant shanghai(String local) {
        return LocalDateTime.parse(local).atZone(MainlandChinaSchedule.ZONE).toInstant();
    }

    @Test
    void twoHoursFromFridayAfternoonEndOnTheMakeUpSaturday() {
        // Fri 13 Feb 17:00: one hour left that day; Sat 14 Feb is worked (调休上班)
        assertThat(china.addBusinessTime(shanghai("2026-02-13T17:00"), Duration.ofHours(2))).isEqualTo(shanghai("2026-02-14T10:00"));
    }

    @Test
    void halfAnHourFromLateSaturdayWaitsOutTheWholeHolidayUntilTuesday24th() {
        // 15–23 Feb off (23rd is a Monday); the rest is due Tue 24 Feb
        assertThat(china.addBusinessTime(shanghai("2026-02-14T17:45"), Duration.ofMinutes(30))).isEqualTo(shanghai("2026-02-24T09:15"));
        assertThat(china.nextOpening(shanghai("2026-02-14T18:00"))).isEqualTo(shanghai("2026-02-24T09:00"));
        assertThat(china.businessTimeBetween(shanghai("2026-02-14T18:00"), shanghai("2026-02-24T09:00"))).isZero();
    }

    @Test
    void theHolidayIsClosedEvenOnWeekdaysAndTheMakeUpDaysAreOpen() {
        assertThat(china.isOpen(shanghai("2026-02-16T10:00"))).isFalse(); // Monday, 春节
        assertThat(china.isOpen(shanghai("2026-02-23T10:00"))).isFalse(); // Monday, last day off
        assertThat(china.isOpen(shanghai("2026-02-14T10:00"))).isTrue(); // Saturday worked
        assertThat(china.isOpen(shanghai("2026-02-28T14:00"))).isTrue(); // Saturday worked
        assertThat(china.isOpen(shanghai("2026-03-01T10:00"))).isFalse(); // ordinary Sunday
        assertThat(china.isOpen(shanghai("2026-02-24T12:30"))).isFalse(); // lunch
    }

    @Test
    void theLunchBreakIsSkipped() {
        assertThat(china.addBusinessTime(shanghai("2026-02-24T11:30"), Duration.ofHours(1))).isEqualTo(shanghai("2026-02-24T14:00"));
    }

    @Test
    void aTargetCanEndExactlyAtClosingTime() {
        assertThat(china.addBusinessTime(shanghai("2026-02-24T17:00"), Duration.ofHours(1))).isEqualTo(shanghai("2026-02-24T18:00"));
    }

    @Test
    void aVipTicketAtFridayClosingIsDueOnTheMakeUpSaturdayMorning() {
        assertThat(china.addBusinessTime(shanghai("2026-02-13T17:45"), Duration.ofMinutes(30))).isEqualTo(shanghai("2026-02-14T09:15"));
    }

    @Test
    void theSecondHalfOfFebruaryHasSevenWorkingDays() {
        // 13 (Fri), 14 (Sat, worked), 24–27 (Tue–Fri), 28 (Sat, worked): 7 × 7.5 h
        assertThat(china.businessTimeBetween(shanghai("2026-02-13T00:00"), shanghai("2026-03-01T00:00")))
                .isEqualTo(Duration.ofMinutes(7 * 450));
    }

    @Test
    void theShippedScheduleHasTheOfficialDayCounts() {
        assertThat(MainlandChinaSchedule.holidays().keySet().stream().filter(d -> d.getYear() == 2026)).hasSize(3 + 9 + 3 + 5 + 3 + 3 + 7);
        assertThat(MainlandChinaSchedule.holidays().keySet().stream().filter(d -> d.getYear() == 2025)).hasSize(1 + 8 + 3 + 5 + 3 + 8);
        assertThat(MainlandChinaSchedule.makeUpWorkingDays()).containsKeys(LocalDate.parse("2026-01-04"), LocalDate.parse("2026-02-14"),
                LocalDate.parse("2026-02-28"), LocalDate.parse("2026-05-09"), LocalDate.parse("2026-09-20"), LocalDate.parse("2026-10-10"));
        assertThat(MainlandChinaSchedule.makeUpWorkingDays().keySet()).allMatch(d -> d.getDayOfWeek().getValue() >= 6);
    }
}
