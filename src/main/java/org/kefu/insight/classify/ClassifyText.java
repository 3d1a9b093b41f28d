package org.kefu.insight.classify;

import java.util.LinkedHashSet;
import java.util.Set;
import org.kefu.insight.ScriptFolding;

/**
 * The classifier's text pipeline. Text is folded one char for one char (Traditional to Simplified, full-width to ASCII,
 * lower case; the emotion reader's table; then 帐 to 账, the Simplified variant both 帳 and 賬 mean here) and cut to {@link #MAX_CHARS}; features are character 1-3-grams inside runs of
 * CJK characters and word unigrams and bigrams for other scripts, with a light English suffix stripping so refund,
 * refunds and refunded meet. Features are a set: a word said twice is no stronger evidence of a topic.
 *
 * <p>Immutable and thread-safe; never throws on any input.
 */
public final class ClassifyText {

    /** Only the start of a long message is read: the complaint is nearly always stated there, and the cost stays flat. */
    public static final int MAX_CHARS = 1500;

    private static final ClassifyText STANDARD = new ClassifyText(ScriptFolding.standard());

    private final ScriptFolding folding;

    private ClassifyText(ScriptFolding folding) {
        this.folding = folding;
    }

    public static ClassifyText standard() {
        return STANDARD;
    }

    /** The folded text, at most {@link #MAX_CHARS} chars; positions match the (cut) original. */
    public char[] normalise(String text) {
        if (text == null) {
            return new char[0];
        }
        String cut = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        char[] folded = folding.foldChars(cut);
        for (int i = 0; i < folded.length; i++) {
            if (folded[i] == '帐') {
                folded[i] = '账';
            }
        }
        return folded;
    }

    public String fold(String text) {
        return new String(normalise(text));
    }

    /** The distinct features of a text, in order of first appearance. */
    public Set<String> features(String text) {
        return features(normalise(text));
    }

    Set<String> features(char[] folded) {
        Set<String> out = new LinkedHashSet<>();
        String previousWord = null;
        int i = 0;
        while (i < folded.length) {
            char c = folded[i];
            if (isCjk(c)) {
                int start = i;
                while (i < folded.length && isCjk(folded[i])) {
                    i++;
                }
                for (int a = start; a < i; a++) {
                    for (int n = 1; n <= 3 && a + n <= i; n++) {
                        out.add(new String(folded, a, n));
                    }
                }
                previousWord = null;
            } else if (isWordChar(c)) {
                int start = i;
                while (i < folded.length && (isWordChar(folded[i])
                        || (folded[i] == '\'' && i + 1 < folded.length && isWordChar(folded[i + 1]) && i > start))) {
                    i++;
                }
                String word = stem(new String(folded, start, i - start));
                if (!word.isEmpty()) {
                    out.add(word);
                    if (previousWord != null) {
                        out.add(previousWord + ' ' + word);
                    }
                    previousWord = word;
                }
            } else {
                if (isClauseBreak(c)) {
                    previousWord = null;
                }
                i++;
            }
        }
        return out;
    }

    /** Light English stemming: possessive, plural and -ed/-ing endings; other scripts unchanged. */
    static String stem(String word) {
        String w = word.endsWith("'s") ? word.substring(0, word.length() - 2) : word;
        int n = w.length();
        if (n > 5 && w.endsWith("ing")) {
            return w.substring(0, n - 3);
        }
        if (n > 4 && w.endsWith("ied")) {
            return w.substring(0, n - 3) + "y";
        }
        if (n > 4 && w.endsWith("ed")) {
            return w.substring(0, n - 2);
        }
        if (n > 4 && w.endsWith("ies")) {
            return w.substring(0, n - 3) + "y";
        }
        if (n > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us")) {
            return w.substring(0, n - 1);
        }
        return w;
    }

    static boolean isCjk(char c) {
        return (c >= 0x3400 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x3040 && c <= 0x30FF)
                || (c >= 0xAC00 && c <= 0xD7AF);
    }

    static boolean isWordChar(char c) {
        if (c < 0x80) {
            return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
        }
        return !isCjk(c) && !Character.isSurrogate(c) && Character.isLetterOrDigit(c);
    }

    static boolean isClauseBreak(char c) {
        return switch (c) {
            case ',', '.', ';', '!', '?', ':', '\n', '\r', '。', '，', '；', '、', '…', '~', '～', '！', '？', '：' -> true;
            default -> false;
        };
    }
}
