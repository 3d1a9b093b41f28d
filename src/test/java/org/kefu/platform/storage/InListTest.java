package org.kefu.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InListTest {

    @Test
    void bindsEveryValueOnceAndPadsToAPowerOfTwoWithTheLast() {
        StringBuilder jpql = new StringBuilder("select t from Ticket t where ");
        Map<String, Object> params = new LinkedHashMap<>();
        InList.append(jpql, params, "t.status", "status", List.of("OPEN", "NEW", "PENDING"));
        assertThat(jpql).hasToString("select t from Ticket t where t.status in (:status0, :status1, :status2, :status3)");
        assertThat(params).containsExactly(Map.entry("status0", "OPEN"), Map.entry("status1", "NEW"),
                Map.entry("status2", "PENDING"), Map.entry("status3", "PENDING"));
    }

    @Test
    void anyNumberOfValuesGivesTheSameValuesAndFewDifferentTexts() {
        Random random = new Random(11L);
        Set<String> texts = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            List<Integer> values = random.ints(1 + random.nextInt(100), 0, 1000).boxed().toList();
            StringBuilder jpql = new StringBuilder();
            Map<String, Object> params = new LinkedHashMap<>();
            InList.append(jpql, params, "t.id", "id", values);
            assertThat(new HashSet<>(params.values())).isEqualTo(new HashSet<>(values));
            assertThat(Integer.bitCount(params.size())).isEqualTo(1);
            assertThat(params.size()).isLessThan(2 * values.size());
            texts.add(jpql.toString());
        }
        assertThat(texts).hasSizeLessThanOrEqualTo(8);
    }

    @Test
    void aConditionForAQueryBuiltAsAStringNamesItsOwnParameters() {
        Map<String, Object> params = new LinkedHashMap<>();
        String jpql = "select e from TimelineEntry e where " + InList.of(params, "e.ticket.id", "id", List.of(7L))
                + " and " + InList.of(params, "e.kind", "kind", List.of("REPLY", "NOTE"));
        assertThat(jpql).isEqualTo("select e from TimelineEntry e where e.ticket.id in (:id0) and e.kind in (:kind0, :kind1)");
        assertThat(params).containsExactly(Map.entry("id0", 7L), Map.entry("kind0", "REPLY"), Map.entry("kind1", "NOTE"));
    }

    @Test
    void noValuesIsAMistakeOfTheCaller() {
        assertThatThrownBy(() -> InList.append(new StringBuilder(), new LinkedHashMap<>(), "t.id", "id", List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
