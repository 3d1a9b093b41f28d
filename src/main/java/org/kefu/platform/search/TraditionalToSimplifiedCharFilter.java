package org.kefu.platform.search;

import com.ibm.icu.text.Transliterator;
import com.ibm.icu.text.UnicodeSet;
import java.io.IOException;
import java.io.Reader;
import java.util.BitSet;
import org.apache.lucene.analysis.CharFilter;

/**
 * Folds Traditional Chinese to Simplified before tokenising, so 投訴 and 投诉 index alike.
 * It must run before the tokenizer: smartcn splits Traditional text into single characters.
 * The mapping keeps one character for one character, so offsets (for highlighting) stay exact.
 */
final class TraditionalToSimplifiedCharFilter extends CharFilter {

    private static final Transliterator TO_SIMPLIFIED = Transliterator.getInstance("Traditional-Simplified");
    /**
     * Characters of the Basic Multilingual Plane that the transliterator changes on their own
     * (found once, at start, among its source set). Text with none of them (Simplified Chinese,
     * English) comes out of the transliterator unchanged, so it skips it: ICU's rule matching was about half of the CPU time of a search,
     * because highlighting analyses the matched tickets' text again.
     */
    private static final BitSet CHANGED = changedCharacters();
    /**
     * Simplified variants folded to the form customers mostly type: ICU turns 帳 into 帐, while 到账 / 账户 / 账单 are
     * written with 账, so 到帳 would not find 到账 without this.
     */
    private static final char VARIANT = '帐';
    private static final char VARIANT_TARGET = '账';

    private String folded;
    private int position;

    TraditionalToSimplifiedCharFilter(Reader input) {
        super(input);
    }

    /** Folds text the same way the index does; used for queries and tests. */
    static String fold(String text) {
        if (!needsFolding(text)) {
            return text;
        }
        String whole = TO_SIMPLIFIED.transliterate(text).replace(VARIANT, VARIANT_TARGET);
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
            char folded = one.length() == 1 ? one.charAt(0) : c;
            sb.append(folded == VARIANT ? VARIANT_TARGET : folded);
        }
        return sb.toString();
    }

    static boolean needsFolding(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c) || c == VARIANT || CHANGED.get(c)) {
                return true;
            }
        }
        return false;
    }

    private static BitSet changedCharacters() {
        UnicodeSet source = TO_SIMPLIFIED.getSourceSet();
        BitSet changed = new BitSet(Character.MAX_VALUE + 1);
        for (int r = 0; r < source.getRangeCount(); r++) {
            for (int c = source.getRangeStart(r); c <= source.getRangeEnd(r) && c <= Character.MAX_VALUE; c++) {
                String one = String.valueOf((char) c);
                if (!Character.isSurrogate((char) c) && !TO_SIMPLIFIED.transliterate(one).equals(one)) {
                    changed.set(c);
                }
            }
        }
        return changed;
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
