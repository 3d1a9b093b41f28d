package org.kefu.platform.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.Test;

class TextAnalyzerTest {

    @Test
    void keywordsAreLowerCasedAndFoldedAsOneValueAlikeForTheIndexAndKefusQueries() {
        try (Analyzer forTheIndex = TextAnalyzer.createKeyword()) {
            assertThat(forTheIndex.normalize("number", "Zoë.Martin@Example.COM").utf8ToString())
                    .isEqualTo("zoe.martin@example.com");
            assertThat(TextAnalyzer.normalizeKeyword("number", "2026-000123 ÄB").utf8ToString())
                    .isEqualTo(forTheIndex.normalize("number", "2026-000123 ÄB").utf8ToString())
                    .isEqualTo("2026-000123 ab");
        }
    }
}
