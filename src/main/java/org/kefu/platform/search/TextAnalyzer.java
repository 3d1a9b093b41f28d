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
 * The text analyser ({@value KefuAnalysisConfigurer#TEXT}): Traditional Chinese is folded to Simplified, Chinese
 * is segmented into words (smartcn), full-width forms are narrowed, English is lower-cased and stemmed. One
 * definition serves Hibernate Search's fields and the fields Kefu writes itself (see the ticket's text fields), so
 * both always analyse alike. Hibernate Search gets an instance of its own ({@link #create()}), which it may close
 * when it stops; Kefu's own fields and queries share {@link #shared()}. Analyzers are thread-safe.
 */
public final class TextAnalyzer {

    private static final Analyzer SHARED = create();
    private static final Analyzer KEYWORD = keyword();

    private TextAnalyzer() {
    }

    /** The instance for Kefu's own fields and queries; never closed. */
    public static Analyzer shared() {
        return SHARED;
    }

    /**
     * A keyword as {@value KefuAnalysisConfigurer#KEYWORD} normalises it for the index (lower case, accents folded),
     * for queries Kefu builds itself on such fields.
     */
    public static BytesRef normalizeKeyword(String field, String value) {
        return KEYWORD.normalize(field, value);
    }

    private static Analyzer keyword() {
        try {
            return CustomAnalyzer.builder()
                    .withTokenizer(KeywordTokenizerFactory.class)
                    .addTokenFilter(LowerCaseFilterFactory.class)
                    .addTokenFilter(ASCIIFoldingFilterFactory.class)
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new instance, for an owner that closes it. */
    public static Analyzer create() {
        try {
            return CustomAnalyzer.builder()
                    .withTokenizer(HMMChineseTokenizerFactory.class)
                    .addCharFilter(TraditionalToSimplifiedCharFilterFactory.class)
                    .addTokenFilter(CJKWidthFilterFactory.class)
                    // smartcn emits punctuation as tokens; they would make every sentence match
                    .addTokenFilter(PatternReplaceFilterFactory.class, "pattern", "^[\\p{P}\\p{S}]+$", "replacement", "")
                    .addTokenFilter(LengthFilterFactory.class, "min", "1", "max", "255")
                    .addTokenFilter(LowerCaseFilterFactory.class)
                    .addTokenFilter(ASCIIFoldingFilterFactory.class)
                    .addTokenFilter(PorterStemFilterFactory.class)
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
