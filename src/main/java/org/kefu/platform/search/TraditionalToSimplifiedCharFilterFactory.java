package org.kefu.platform.search;

import java.io.Reader;
import java.util.Map;
import org.apache.lucene.analysis.CharFilterFactory;

/** Lucene factory for {@link TraditionalToSimplifiedCharFilter}. */
public final class TraditionalToSimplifiedCharFilterFactory extends CharFilterFactory {

    public static final String NAME = "traditionalToSimplified";

    public TraditionalToSimplifiedCharFilterFactory(Map<String, String> args) {
        super(args);
        if (!args.isEmpty()) {
            throw new IllegalArgumentException("Unknown parameters: " + args);
        }
    }

    /** For Lucene's service loader only. */
    public TraditionalToSimplifiedCharFilterFactory() {
        throw defaultCtorException();
    }

    @Override
    public Reader create(Reader input) {
        return new TraditionalToSimplifiedCharFilter(input);
    }

    @Override
    public Reader normalize(Reader input) {
        return new TraditionalToSimplifiedCharFilter(input);
    }
}
