package org.kefu.platform.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharFilterFactory;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

/** The same analysis chain as the index, built with plain Lucene. */
class AnalysisTest {

    private static final Analyzer ANALYZER;

    static {
        try {
            ANALYZER = CustomAnalyzer.builder()
                    .withTokenizer("hmmChinese")
                    .addCharFilter(TraditionalToSimplifiedCharFilterFactory.NAME)
                    .addTokenFilter("cjkWidth")
                    .addTokenFilter("patternReplace", "pattern", "^[\\p{P}\\p{S}]+$", "replacement", "")
                    .addTokenFilter("length", "min", "1", "max", "255")
                    .addTokenFilter("lowercase")
                    .addTokenFilter("asciiFolding")
                    .addTokenFilter("porterStem")
                    .build();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> tokens(String text) throws IOException {
        List<String> result = new ArrayList<>();
        try (TokenStream stream = ANALYZER.tokenStream("f", new StringReader(text))) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                result.add(term.toString());
            }
            stream.end();
        }
        return result;
    }

    @Test
    void chineseIsSegmentedIntoWords() throws IOException {
        assertThat(tokens("快递丢失包裹")).contains("包裹");
    }

    @Test
    void traditionalFoldsToSimplifiedBeforeSegmenting() throws IOException {
        assertThat(tokens("客戶投訴處理")).contains("投诉");
        assertThat(TraditionalToSimplifiedCharFilter.fold("投訴")).isEqualTo("投诉");
    }

    @Test
    void accountCharactersFoldToTheFormCustomersType() {
        assertThat(TraditionalToSimplifiedCharFilter.fold("款項還沒到帳")).isEqualTo("款项还没到账");
        assertThat(TraditionalToSimplifiedCharFilter.fold("帐户被冻结")).isEqualTo("账户被冻结");
        assertThat(TraditionalToSimplifiedCharFilter.fold("账单")).isEqualTo("账单");
    }

    @Test
    void englishIsStemmedAndPunctuationDropped() throws IOException {
        assertThat(tokens("Refunds, REFUNDING!")).containsOnly("refund");
        assertThat(tokens("，。！？")).isEmpty();
        assertThat(tokens("ＡＢＣ １２３")).containsExactly("abc", "123");
    }

    @Test
    void theFactoryIsRegisteredForLucene() {
        assertThat(CharFilterFactory.availableCharFilters()).contains(TraditionalToSimplifiedCharFilterFactory.NAME);
    }

    @Test
    void textWithoutTraditionalCharactersIsLeftAsItIs() {
        for (String text : List.of("快递丢失包裹，顺丰单号 SF1402938475", "Refund for damaged items", "投诉 2026-000123")) {
            assertThat(TraditionalToSimplifiedCharFilter.needsFolding(text)).as(text).isFalse();
            assertThat(TraditionalToSimplifiedCharFilter.fold(text)).isEqualTo(text);
        }
        assertThat(TraditionalToSimplifiedCharFilter.needsFolding("客戶投訴")).isTrue();
        assertThat(TraditionalToSimplifiedCharFilter.fold("餐點送錯 refund")).isEqualTo("餐点送错 refund");
    }
}
