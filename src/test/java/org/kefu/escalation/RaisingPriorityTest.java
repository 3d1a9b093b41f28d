package org.kefu.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.kefu.ticket.Priority;

class RaisingPriorityTest {

    private static EscalationRule.Actions raise(String how) {
        return new EscalationRule.Actions(false, false, false, null, false, how, null, false, null);
    }

    @Test
    void oneStepMakesATicketOneLevelMoreUrgentAndStopsAtP1() {
        assertThat(raise("ONE_STEP").raised(Priority.P3)).isEqualTo(Priority.P2);
        assertThat(raise("ONE_STEP").raised(Priority.P1)).isEqualTo(Priority.P1);
    }

    @Test
    void aLevelIsOnlyEverAnIncreaseNeverALowering() {
        assertThat(raise("P2").raised(Priority.P4)).isEqualTo(Priority.P2);
        assertThat(raise("P2").raised(Priority.P1)).isEqualTo(Priority.P1);
        assertThat(raise(null).raised(Priority.P3)).isEqualTo(Priority.P3);
    }
}
