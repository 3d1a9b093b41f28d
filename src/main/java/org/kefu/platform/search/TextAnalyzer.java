package org.kefu.platform.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cjk.CJKWidthFilterFactory;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizerFactory;
import org.apache.lucene.analysis.core.KeywordTokenizerFactory;
import org.apache.lucene.analysis.core.LowerCaseFilterFactory;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.analysis.en.PorterStemFilterFactory;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilterFactory;
import org.apache.lucene.analysis.miscellaneous.LengthFilterFactory;
import org.apache.lucene.analysis.pattern.PatternReplaceFilterFactory;
import org.apache.lucene.util.BytesRef;

/**
 * The analysers of the search index, defined once for Hibernate Search and for the fields and queries Kefu builds
 * itself (the ticket's text fields), so both always analyse alike. {@value KefuAnalysisConfigurer#TEXT}: Traditional
 * Chinese is folded to Simplified, Chinese is segmented into words (smartcn), full-width forms are narrowed, English is
 * lower-cased and stemmed. {@value KefuAnalysisConfigurer#KEYWORD} (a normaliser): lower case, accents folded.
 * Hibernate Search gets instances of its own ({@link #createText()}, {@link #createKeyword()}), which it may close when
 * it stops; Kefu's own fields and queries share {@link #shared()} and {@link #normalizeKeyword}. Analyzers are
 * thread-safe.
 */
public final class TextAnalyzer {

    private static final Analyzer SHARED = createText();
    private static final Analyzer KEYWORD = createKeyword();

    private TextAnalyzer() {
    }

    /** The text analyser for Kefu's own fields and queries; never closed. */
    public static Analyzer shared() {
        return SHARED;
    }

    /** A keyword as the index keeps it, for queries Kefu builds itself on keyword fields. */
    public static BytesRef normalizeKeyword(String field, String value) {
        return KEYWORD.normalize(field, value);
    }

    /** A new text analyser, for an owner that closes it. */
    public static Analyzer createText() {
        return build(() -> CustomAnalyzer.builder()
                .withTokenizer(HMMChineseTokenizerFactory.class)
                .addCharFilter(TraditionalToSimplifiedCharFilterFactory.class)
                .addTokenFilter(CJKWidthFilterFactory.class)
                // smartcn emits punctuation as tokens; they would make every sentence match
                .addTokenFilter(PatternReplaceFilterFactory.class, "pattern", "^[\\p{P}\\p{S}]+$", "replacement", "")
                .addTokenFilter(LengthFilterFactory.class, "min", "1", "max", "255")
                .addTokenFilter(LowerCaseFilterFactory.class)
                .addTokenFilter(ASCIIFoldingFilterFactory.class)
                .addTokenFilter(PorterStemFilterFactory.class));
    }

    /** A new keyword normaliser (the whole value one token), for an owner that closes it. */
    public static Analyzer createKeyword() {
        return build(() -> CustomAnalyzer.builder()
                .withTokenizer(KeywordTokenizerFactory.class)
                .addTokenFilter(LowerCaseFilterFactory.class)
                .addTokenFilter(ASCIIFoldingFilterFactory.class));
    }

    /** The builder's steps load their factories and may fail with an IOException. */
    private interface Steps {
        CustomAnalyzer.Builder get() throws IOException;
    }

    private static Analyzer build(Steps steps) {
        try {
            return steps.get().build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
