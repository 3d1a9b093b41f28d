package org.kefu.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.kefu.platform.InvalidRequestException;

class ReminderDueTimeTest {

    @Test
    void aLocalTimeIsReadInTheAgentsTimeZone() {
        assertThat(Reminders.parseDue("2026-12-03T10:00", ZoneId.of("Asia/Shanghai")))
                .isEqualTo(Instant.parse("2026-12-03T02:00:00Z"));
        assertThat(Reminders.parseDue("2026-07-01T10:00", ZoneId.of("Europe/Berlin")))
                .isEqualTo(Instant.parse("2026-07-01T08:00:00Z"));
    }

    @Test
    void anExplicitOffsetWinsOverTheTimeZone() {
        assertThat(Reminders.parseDue("2026-12-03T10:00:00+08:00", ZoneId.of("Europe/Berlin")))
                .isEqualTo(Instant.parse("2026-12-03T02:00:00Z"));
    }

    @Test
    void somethingElseIsRefusedNamingTheField() {
        assertThatThrownBy(() -> Reminders.parseDue("tomorrow", ZoneId.of("Asia/Shanghai")))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("dueAt");
        assertThatThrownBy(() -> Reminders.parseDue(" ", ZoneId.of("Asia/Shanghai")))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("dueAt");
    }
}
