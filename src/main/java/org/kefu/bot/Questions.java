package org.kefu.bot;

import com.ibm.icu.text.Transliterator;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Questions in a comparable form: the key under which the "no good article" report groups them, and the
 * similarity that tells a repeated question. Traditional is folded to Simplified, width and case are folded,
 * punctuation, spaces and polite filler (请问, 您好, please ...) are dropped.
 */
final class Questions {

    static final int MAX_KEY = 200;
    /** Dice coefficient of character bigrams from which two questions count as the same question. */
    static final double SIMILAR = 0.7;

    private static final Transliterator TRADITIONAL_TO_SIMPLIFIED = Transliterator.getInstance("Traditional-Simplified");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final List<String> FILLER = List.of("请问一下", "请问", "你好", "您好", "麻烦你", "麻烦", "谢谢", "请帮我",
            "呢", "吗", "啊", "呀", "吧", " please ", " hello ", " thanks ", " thank you ", " hi ", " hey ", " excuse me ");

    private Questions() {
    }

    /** The comparable form, at most {@value #MAX_KEY} characters; empty if nothing is left. */
    static String normalise(String question) {
        if (question == null) {
            return "";
        }
        String text = Normalizer.normalize(question, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        synchronized (TRADITIONAL_TO_SIMPLIFIED) {
            text = TRADITIONAL_TO_SIMPLIFIED.transliterate(text);
        }
        text = " " + NOT_WORD.matcher(text).replaceAll(" ") + " ";
        for (String filler : FILLER) {
            text = text.replace(filler, " ");
        }
        // 帐 and 账 are both Simplified; Traditional 帳 folds to 帐 while people write 到账: one key for both
        String key = NOT_WORD.matcher(text).replaceAll("").replace('帐', '账');
        return key.length() <= MAX_KEY ? key : key.substring(0, key.offsetByCodePoints(0, Math.min(MAX_KEY,
                key.codePointCount(0, key.length()))));
    }

    /** Whether two normalised questions ask the same thing. */
    static boolean similar(String a, String b) {
        if (a == null || b == null || a.isEmpty() || b.isEmpty()) {
            return false;
        }
        if (a.equals(b)) {
            return true;
        }
        if (a.length() < 3 || b.length() < 3) {
            return false;
        }
        Map<String, Integer> left = bigrams(a);
        Map<String, Integer> right = bigrams(b);
        int common = 0;
        for (Map.Entry<String, Integer> e : left.entrySet()) {
            common += Math.min(e.getValue(), right.getOrDefault(e.getKey(), 0));
        }
        int total = (a.length() - 1) + (b.length() - 1);
        return 2.0 * common / total >= SIMILAR;
    }

    private static Map<String, Integer> bigrams(String s) {
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i + 2 <= s.length(); i++) {
            counts.merge(s.substring(i, i + 2), 1, Integer::sum);
        }
        return counts;
    }
}
