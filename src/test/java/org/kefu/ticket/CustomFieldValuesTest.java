package org.kefu.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kefu.platform.InvalidRequestException;

class CustomFieldValuesTest {

    private static final Instant NOW = Instant.parse("2026-11-23T00:00:00Z");
    private static final Map<String, CustomFieldRule> DEFINITIONS = rules(
            "note", new CustomFieldDefinition("note", "备注", CustomFieldDefinition.Type.TEXT, null, false, 1, NOW),
            "amount", new CustomFieldDefinition("amount", "金额", CustomFieldDefinition.Type.NUMBER, null, false, 2, NOW),
            "visit", new CustomFieldDefinition("visit", "回访日期", CustomFieldDefinition.Type.DATE, null, false, 3, NOW),
            "source", new CustomFieldDefinition("source", "来源", CustomFieldDefinition.Type.SELECT, List.of("官网", "App"), true, 4, NOW),
            "issues", new CustomFieldDefinition("issues", "问题", CustomFieldDefinition.Type.MULTI_SELECT,
                    List.of("破损", "延误", "丢件"), false, 5, NOW));

    private static Map<String, CustomFieldRule> rules(Object... keysAndDefinitions) {
        Map<String, CustomFieldRule> rules = new HashMap<>();
        for (int i = 0; i < keysAndDefinitions.length; i += 2) {
            rules.put((String) keysAndDefinitions[i], CustomFieldRule.of((CustomFieldDefinition) keysAndDefinitions[i + 1]));
        }
        return rules;
    }

    @Test
    void goodValuesAreNormalised() {
        Map<String, Object> out = CustomFieldValues.validate(Map.of("note", "易碎品", "amount", 12.50, "visit", "2026-12-01",
                "source", "App", "issues", List.of("破损", "丢件", "破损")), DEFINITIONS, true);
        assertThat(out).containsEntry("amount", 12.5).containsEntry("visit", "2026-12-01")
                .containsEntry("issues", List.of("破损", "丢件"));
        assertThat(CustomFieldValues.validate(Map.of("amount", 40.0, "source", "官网"), DEFINITIONS, true))
                .containsEntry("amount", 40L);
    }

    @Test
    void everyBadValueIsNamed() {
        assertThatThrownBy(() -> CustomFieldValues.validate(Map.of("amount", "many", "visit", "31/12/2026",
                "source", "电话", "issues", List.of("别的"), "unknown", 1), DEFINITIONS, false))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.problems())
                        .extracting(InvalidRequestException.FieldProblem::field)
                        .containsExactlyInAnyOrder("customFields.amount", "customFields.visit", "customFields.source",
                                "customFields.issues", "customFields.unknown"));
    }

    @Test
    void requiredFieldsMustBeGivenOnCreateAndCannotBeRemoved() {
        assertThatThrownBy(() -> CustomFieldValues.validate(Map.of(), DEFINITIONS, true))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("customFields.source");
        Map<String, Object> removal = new HashMap<>();
        removal.put("source", null);
        assertThatThrownBy(() -> CustomFieldValues.validate(removal, DEFINITIONS, false))
                .isInstanceOf(InvalidRequestException.class);
        Map<String, Object> optional = new HashMap<>();
        optional.put("note", null);
        assertThat(CustomFieldValues.validate(optional, DEFINITIONS, false)).containsEntry("note", null);
    }

    @Test
    void numbersCompareByValue() {
        assertThat(CustomFieldValues.same(5, 5.0)).isTrue();
        assertThat(CustomFieldValues.same(5L, 6)).isFalse();
    }
}
