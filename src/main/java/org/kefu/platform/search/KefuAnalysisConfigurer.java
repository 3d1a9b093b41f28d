package org.kefu.platform.search;

import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;

/**
 * The analysers of the search index. {@value #TEXT} handles Simplified and Traditional
 * Chinese and English in one field; {@value #KEYWORD} lower-cases and folds (both defined in {@link TextAnalyzer}).
 */
public class KefuAnalysisConfigurer implements LuceneAnalysisConfigurer {

    public static final String TEXT = "kefu_text";
    public static final String KEYWORD = "kefu_keyword";

    @Override
    public void configure(LuceneAnalysisConfigurationContext context) {
        context.analyzer(TEXT).instance(TextAnalyzer.createText());
        context.normalizer(KEYWORD).instance(TextAnalyzer.createKeyword());
    }
}
