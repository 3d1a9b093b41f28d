package org.kefu.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SlaPolicyMatchingTest {

    private static SlaPolicy policy(long id, String tier, String priority, String channel, String tag) {
        return new SlaPolicy(id, "p" + id, (int) id, true, 1, new SlaPolicy.Conditions(tier, priority, channel, null, null, tag),
                Duration.ofMinutes(30), null, null, false, 80, 0);
    }

    private final List<SlaPolicy> defaults = List.of(policy(1, "VIP", "P1", null, null), policy(2, null, null, "CHAT", null),
            policy(3, null, null, "EMAIL", null));

    @Test
    void theFirstMatchingPolicyWinsSoAVipP1EmailGetsTheVipPolicy() {
        TicketFacts vipEmail = new TicketFacts("VIP", "P1", "EMAIL", null, null, Set.of());
        assertThat(SlaPolicy.firstMatch(defaults, vipEmail)).map(SlaPolicy::id).contains(1L);
        TicketFacts vipP2Email = new TicketFacts("VIP", "P2", "EMAIL", null, null, Set.of());
        assertThat(SlaPolicy.firstMatch(defaults, vipP2Email)).map(SlaPolicy::id).contains(3L);
    }

    @Test
    void aTicketNoPolicyCoversGetsNoClock() {
        assertThat(SlaPolicy.firstMatch(defaults, new TicketFacts("REGULAR", "P3", "PHONE", null, null, Set.of()))).isEmpty();
    }

    @Test
    void conditionsIgnoreCaseAndATagConditionNeedsTheTag() {
        List<SlaPolicy> tagged = List.of(policy(5, null, null, null, "Refund"));
        assertThat(SlaPolicy.firstMatch(tagged, new TicketFacts(null, null, null, null, null, Set.of("refund", "x")))).isPresent();
        assertThat(SlaPolicy.firstMatch(tagged, new TicketFacts(null, null, null, null, null, Set.of("x")))).isEmpty();
        assertThat(SlaPolicy.firstMatch(List.of(policy(6, "vip", null, null, null)),
                new TicketFacts("VIP", null, null, null, null, null))).isPresent();
    }

    @Test
    void anInactivePolicyIsSkipped() {
        SlaPolicy off = new SlaPolicy(9L, "off", 0, false, 1, new SlaPolicy.Conditions(null, null, null, null, null, null),
                Duration.ofMinutes(1), null, null, false, 80, 0);
        assertThat(SlaPolicy.firstMatch(List.of(off), new TicketFacts(null, null, null, null, null, null))).isEmpty();
    }
}
