package org.kefu.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.kefu.platform.InvalidRequestException;

class RoutingRuleMatchingTest {

    private static RoutingRule rule(long id, boolean active, String channel, String type, String product, String language,
                                    String tier) {
        return new RoutingRule(id, "r" + id, (int) id, active,
                new RoutingRule.Conditions(channel, null, type, product, language, tier), null, 10L, 0);
    }

    @Test
    void everyGivenConditionMustMatchIgnoringCaseAndALanguageCoversItsRegions() {
        RoutingFacts facts = new RoutingFacts("EMAIL", null, "PRODUCT_DEFECT", "X200", "zh-CN", "VIP");
        assertThat(rule(1, true, "email", "product_defect", "x200", "zh", "vip").matches(facts)).isTrue();
        assertThat(rule(2, true, null, null, null, null, null).matches(facts)).isTrue();
        assertThat(rule(3, true, "CHAT", null, null, null, null).matches(facts)).isFalse();
        assertThat(rule(4, true, null, null, null, "zh-TW", null).matches(facts)).isFalse();
        assertThat(rule(5, true, null, null, null, "en", null).matches(facts)).isFalse();
        assertThat(rule(6, false, null, null, null, null, null).matches(facts)).isFalse();
        assertThat(rule(7, true, null, null, null, null, "REGULAR").matches(facts)).isFalse();
    }

    @Test
    void theFirstActiveMatchInOrderWins() {
        RoutingFacts facts = new RoutingFacts("CHAT", null, null, null, "en", null);
        List<RoutingRule> ordered = List.of(rule(1, false, "CHAT", null, null, null, null),
                rule(2, true, "EMAIL", null, null, null, null), rule(3, true, null, null, null, "en", null),
                rule(4, true, "CHAT", null, null, null, null));
        assertThat(RoutingRule.firstMatch(ordered, facts)).map(RoutingRule::id).contains(3L);
    }

    @Test
    void inputNamesEachBadField() {
        assertThatThrownBy(() -> new RoutingRuleInput(" ", -1, null, "FAX", null, null, null, "中文", null, null, null)
                .validate(null, 0))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.problems())
                        .extracting(InvalidRequestException.FieldProblem::field)
                        .containsExactlyInAnyOrder("name", "channel", "language", "teamId", "position"));
        RoutingRule ok = new RoutingRuleInput(" 英文 ", null, null, "email", " 7 ", "", "", "en_GB", "vip", 3L, null).validate(null, 0);
        assertThat(ok.name()).isEqualTo("英文");
        assertThat(ok.conditions()).isEqualTo(new RoutingRule.Conditions("EMAIL", "7", null, null, "en-GB", "VIP"));
        assertThat(ok.active()).isTrue();
    }

    @Test
    void aSourceConditionMatchesOnlyTicketsFromThatMailboxOrChannel() {
        RoutingRule mailboxB = new RoutingRule(1L, "B", 10, true,
                new RoutingRule.Conditions("EMAIL", "42", null, null, null, null), null, 10L, 0);
        assertThat(mailboxB.matches(new RoutingFacts("EMAIL", "42", null, null, null, null))).isTrue();
        assertThat(mailboxB.matches(new RoutingFacts("EMAIL", "41", null, null, null, null))).isFalse();
        assertThat(mailboxB.matches(new RoutingFacts("EMAIL", null, null, null, null, null))).isFalse();
        assertThat(mailboxB.matches(new RoutingFacts("CHAT", "42", null, null, null, null))).isFalse();
    }

    @Test
    void aSourceWithoutItsChannelIsRefusedByName() {
        assertThatThrownBy(() -> new RoutingRuleInput("r", null, null, null, "42", null, null, null, null, null, 3L)
                .validate(null, 0))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.problems())
                        .extracting(InvalidRequestException.FieldProblem::field).containsExactly("source"));
    }
}
