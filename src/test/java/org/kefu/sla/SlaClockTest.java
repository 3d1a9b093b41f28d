package org.kefu.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** Clock transitions on the mainland-China calendar, times set by hand: no Spring, no waiting. */
class SlaClockTest {

    private final BusinessCalendar china = MainlandChinaSchedule.calendar();
    private final SlaPolicy email = new SlaPolicy(3L, "Email", 30, true, 1,
            new SlaPolicy.Conditions(null, null, "EMAIL", null, null, null), Duration.ofHours(2), Duration.ofHours(4), null,
            false, 80, 0);

    private static Instant shanghai(String local) {
        return LocalDateTime.parse(local).atZone(MainlandChinaSchedule.ZONE).toInstant();
    }

    private SlaClock started(String at) {
        return SlaClock.start(42, SlaMetric.FIRST_RESPONSE, email, Duration.ofHours(2), china, shanghai(at));
    }

    @Test
    void aClockIsDueAfterItsTargetAndWarnsAtEightyPercent() {
        SlaClock c = started("2026-02-24T09:00");
        assertThat(c.dueAt()).isEqualTo(shanghai("2026-02-24T11:00"));
        assertThat(c.warnAt()).isEqualTo(shanghai("2026-02-24T10:36"));
        assertThat(c.nextDueAt()).isEqualTo(c.warnAt());
        assertThat(c.markWarned().nextDueAt()).isEqualTo(c.dueAt().plusMillis(1));
        assertThat(c.markBreached().nextDueAt()).isNull();
    }

    @Test
    void aPauseOverTheLunchBreakAndANightMovesTheDueTimeByTheBusinessTimePaused() {
        SlaClock c = started("2026-02-24T11:00"); // due 14:30 (11–12, then 13:30–14:30)
        assertThat(c.dueAt()).isEqualTo(shanghai("2026-02-24T14:30"));
        SlaClock paused = c.pause(shanghai("2026-02-24T11:30"));
        assertThat(paused.nextDueAt()).isNull();
        assertThat(paused.remaining(shanghai("2026-02-25T08:00"), china)).isEqualTo(Duration.ofMinutes(90));
        // resumed next morning 09:15: 1.5 h of business time were left
        SlaClock resumed = paused.resume(shanghai("2026-02-25T09:15"), china);
        assertThat(resumed.dueAt()).isEqualTo(shanghai("2026-02-25T10:45"));
        assertThat(resumed.pausedBusinessTime()).isEqualTo(Duration.ofMinutes(30 + 270 + 15));
        assertThat(china.businessTimeBetween(c.startedAt(), resumed.dueAt()).minus(resumed.pausedBusinessTime()))
                .isEqualTo(Duration.ofHours(2));
    }

    @Test
    void aReplyExactlyAtTheDueTimeIsInTimeAndOneLaterIsABreach() {
        SlaClock c = started("2026-02-24T09:00");
        assertThat(c.meet(c.dueAt()).breached()).isFalse();
        assertThat(c.meet(c.dueAt().plusMillis(1)).breached()).isTrue();
        assertThat(c.breachDue(c.dueAt())).isFalse();
        assertThat(c.breachDue(c.dueAt().plusMillis(1))).isTrue();
    }

    @Test
    void aBreachedClockDoesNotPauseAndAFinishedOneIgnoresEverything() {
        SlaClock breached = started("2026-02-24T09:00").markBreached();
        assertThat(breached.pause(shanghai("2026-02-24T12:00")).state()).isEqualTo(SlaClock.State.RUNNING);
        SlaClock met = started("2026-02-24T09:00").meet(shanghai("2026-02-24T09:05"));
        assertThat(met.pause(shanghai("2026-02-24T10:00"))).isEqualTo(met);
        assertThat(met.stop()).isEqualTo(met);
        assertThat(met.remaining(shanghai("2026-02-24T10:00"), china)).isNull();
    }

    @Test
    void aRestartMeasuresANewCycleFromTheNewStart() {
        SlaClock met = started("2026-02-13T17:00").meet(shanghai("2026-02-13T17:10"));
        SlaClock again = met.restart(shanghai("2026-02-14T17:30"), china); // Saturday worked, then the holiday
        assertThat(again.cycle()).isEqualTo(2);
        assertThat(again.state()).isEqualTo(SlaClock.State.RUNNING);
        assertThat(again.dueAt()).isEqualTo(shanghai("2026-02-24T10:30"));
    }

    @Test
    void anotherPolicyMovesARunningClockToItsTargetCountedFromTheOpening() {
        SlaPolicy vip = new SlaPolicy(1L, "VIP P1", 10, true, 1, new SlaPolicy.Conditions("VIP", "P1", null, null, null, null),
                Duration.ofMinutes(30), null, null, false, 80, 0);
        SlaClock c = started("2026-02-24T09:00").pause(shanghai("2026-02-24T09:05")).resume(shanghai("2026-02-24T09:15"), china);
        SlaClock moved = c.retarget(vip, Duration.ofMinutes(30), china, shanghai("2026-02-24T09:20"));
        assertThat(moved.dueAt()).isEqualTo(shanghai("2026-02-24T09:40")); // 30 min + 10 min paused
        assertThat(moved.policyId()).isEqualTo(1L);
        assertThat(moved.target()).isEqualTo(Duration.ofMinutes(30));
        assertThat(started("2026-02-24T09:00").markBreached().retarget(vip, Duration.ofMinutes(30), china, shanghai("2026-02-24T12:00")).policyId())
                .isEqualTo(3L);
    }
}
