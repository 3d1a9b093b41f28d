package org.kefu.platform.search;

import org.apache.lucene.analysis.core.LowerCaseFilterFactory;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilterFactory;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;

/**
 * The analysers of the search index. {@value #TEXT} handles Simplified and Traditional
 * Chinese and English in one field (see {@link TextAnalyzer}); {@value #KEYWORD} lower-cases and folds.
 */
public class KefuAnalysisConfigurer implements LuceneAnalysisConfigurer {

    public static final String TEXT = "kefu_text";
    public static final String KEYWORD = "kefu_keyword";

    @Override
    public void configure(LuceneAnalysisConfigurationContext context) {
        context.analyzer(TEXT).instance(TextAnalyzer.create());
        context.normalizer(KEYWORD).custom()
                .tokenFilter(LowerCaseFilterFactory.NAME)
                .tokenFilter(ASCIIFoldingFilterFactory.NAME);
    }
}
