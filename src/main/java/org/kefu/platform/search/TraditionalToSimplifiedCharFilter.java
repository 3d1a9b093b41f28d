package org.kefu.platform.search;

import com.ibm.icu.text.Transliterator;
import java.io.IOException;
import java.io.Reader;
import org.apache.lucene.analysis.CharFilter;

/**
 * Folds Traditional Chinese to Simplified before tokenising, so 投訴 and 投诉 index alike.
 * It must run before the tokenizer: smartcn splits Traditional text into single characters.
 * The mapping keeps one character for one character, so offsets (for highlighting) stay exact.
 */
final class TraditionalToSimplifiedCharFilter extends CharFilter {

    private static final Transliterator TO_SIMPLIFIED = Transliterator.getInstance("Traditional-Simplified");

    private String folded;
    private int position;

    TraditionalToSimplifiedCharFilter(Reader input) {
        super(input);
    }

    /** Folds text the same way the index does; used for queries and tests. */
    static String fold(String text) {
        String whole = TO_SIMPLIFIED.transliterate(text);
        if (whole.length() == text.length()) {
            return whole;
        }
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) || c < 0x2E80) {
                sb.append(c);
                continue;
            }
            String one = TO_SIMPLIFIED.transliterate(String.valueOf(c));
            sb.append(one.length() == 1 ? one.charAt(0) : c);
        }
        return sb.toString();
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (folded == null) {
            StringBuilder sb = new StringBuilder();
            char[] chunk = new char[4096];
            for (int n; (n = input.read(chunk)) > 0; ) {
                sb.append(chunk, 0, n);
            }
            folded = fold(sb.toString());
        }
        if (position >= folded.length()) {
            return -1;
        }
        int n = Math.min(length, folded.length() - position);
        folded.getChars(position, position + n, buffer, offset);
        position += n;
        return n;
    }

    @Override
    protected int correct(int currentOff) {
        return currentOff;
    }
}
