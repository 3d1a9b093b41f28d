package org.kefu.platform.search;

import org.apache.lucene.analysis.cjk.CJKWidthFilterFactory;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizerFactory;
import org.apache.lucene.analysis.core.LowerCaseFilterFactory;
import org.apache.lucene.analysis.en.PorterStemFilterFactory;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilterFactory;
import org.apache.lucene.analysis.miscellaneous.LengthFilterFactory;
import org.apache.lucene.analysis.pattern.PatternReplaceFilterFactory;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;

/**
 * The analysers of the search index. {@value #TEXT} handles Simplified and Traditional
 * Chinese and English in one field: Traditional is folded to Simplified, Chinese is segmented
 * into words (smartcn), full-width forms are narrowed, English is lower-cased and stemmed.
 */
public class KefuAnalysisConfigurer implements LuceneAnalysisConfigurer {

    public static final String TEXT = "kefu_text";
    public static final String KEYWORD = "kefu_keyword";

    @Override
    public void configure(LuceneAnalysisConfigurationContext context) {
        context.analyzer(TEXT).custom()
                .tokenizer(HMMChineseTokenizerFactory.NAME)
                .charFilter(TraditionalToSimplifiedCharFilterFactory.NAME)
                .tokenFilter(CJKWidthFilterFactory.NAME)
                // smartcn emits punctuation as tokens; they would make every sentence match
                .tokenFilter(PatternReplaceFilterFactory.NAME).param("pattern", "^[\\p{P}\\p{S}]+$").param("replacement", "")
                .tokenFilter(LengthFilterFactory.NAME).param("min", "1").param("max", "255")
                .tokenFilter(LowerCaseFilterFactory.NAME)
                .tokenFilter(ASCIIFoldingFilterFactory.NAME)
                .tokenFilter(PorterStemFilterFactory.NAME);
        context.normalizer(KEYWORD).custom()
                .tokenFilter(LowerCaseFilterFactory.NAME)
                .tokenFilter(ASCIIFoldingFilterFactory.NAME);
    }
}
