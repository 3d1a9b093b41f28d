package org.kefu.knowledge;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * How well a passage answers a question, in [0, 1]. Texts are compared as sets of analysed terms (the search
 * analyser: Traditional folded to Simplified, Chinese segmented, English stemmed), without function words
 * (的, 吗, 怎么, how, the ...). With Q the question's terms:
 * <ul>
 * <li><b>match</b> = the best Jaccard similarity |Q ∩ L| / |Q ∪ L| between Q and the article's title or one of its
 * listed questions L: 1 when the question is essentially the title or a listed question;</li>
 * <li><b>coverage</b> = 0.9 × (0.6 × share of Q found anywhere in the article's title, listed questions or this
 * passage + 0.4 × share of Q found in this passage itself), × 0.85 when Q has a single term (a one-word
 * question is vague). Coverage alone never reaches 1: only a match with the title or a listed question does;</li>
 * <li><b>confidence</b> = max(match, coverage).</li>
 * </ul>
 * A question with no content terms has confidence 0.
 */
final class PassageConfidence {

    static final List<String> FUNCTION_WORDS = List.of(
            "的", "了", "吗", "呢", "吧", "啊", "呀", "么", "嘛", "我", "你", "您", "他", "她", "它", "我们", "你们", "他们",
            "是", "在", "有", "和", "与", "或", "及", "怎么", "怎样", "怎么样", "如何", "什么", "为什么", "哪里", "哪", "怎么办",
            "可以", "能", "能否", "要", "想", "请问", "请", "一下", "这个", "那个", "这", "那", "就", "都", "也", "还",
            "会", "把", "被", "给", "对", "从", "到", "个", "吗？", "麻烦", "谢谢", "你好", "您好",
            "how", "what", "why", "when", "where", "which", "who", "the", "a", "an", "is", "are", "was", "be", "do", "does",
            "did", "i", "me", "my", "you", "your", "we", "our", "it", "its", "to", "of", "in", "on", "for", "and", "or",
            "can", "could", "would", "should", "will", "with", "at", "by", "from", "this", "that", "there", "please",
            "hi", "hello", "thanks", "get", "have", "has");

    private final Function<String, List<String>> analyser;
    private final Set<String> functionWords;

    /** {@code analyser}: text → analysed terms (the index's analyser). */
    PassageConfidence(Function<String, List<String>> analyser) {
        this.analyser = analyser;
        Set<String> words = new HashSet<>();
        for (String w : FUNCTION_WORDS) {
            words.addAll(analyser.apply(w));
        }
        this.functionWords = Set.copyOf(words);
    }

    Set<String> terms(String text) {
        Set<String> out = new LinkedHashSet<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        for (String t : analyser.apply(text)) {
            if (!t.isEmpty() && !functionWords.contains(t)) {
                out.add(t);
            }
        }
        return out;
    }

    /** What a variant offers apart from its passages: its title and listed questions, analysed once. */
    record Article(Set<String> title, List<Set<String>> questions, Set<String> all) {
    }

    Article article(String title, List<String> questions) {
        Set<String> t = terms(title);
        List<Set<String>> qs = questions.stream().map(this::terms).filter(s -> !s.isEmpty()).toList();
        Set<String> all = new HashSet<>(t);
        qs.forEach(all::addAll);
        return new Article(t, qs, all);
    }

    double confidence(Set<String> question, Article article, Set<String> passage) {
        if (question.isEmpty()) {
            return 0;
        }
        double match = jaccard(question, article.title());
        for (Set<String> listed : article.questions()) {
            match = Math.max(match, jaccard(question, listed));
        }
        int anywhere = 0;
        int inPassage = 0;
        for (String term : question) {
            boolean here = passage.contains(term);
            if (here) {
                inPassage++;
            }
            if (here || article.all().contains(term)) {
                anywhere++;
            }
        }
        double n = question.size();
        double coverage = 0.9 * (0.6 * anywhere / n + 0.4 * inPassage / n) * (question.size() == 1 ? 0.85 : 1);
        return Math.min(1, Math.max(0, Math.max(match, coverage)));
    }

    /** The share of the question's terms in the passage itself: orders passages of one article of equal confidence. */
    static double share(Set<String> question, Set<String> passage) {
        if (question.isEmpty()) {
            return 0;
        }
        return (double) question.stream().filter(passage::contains).count() / question.size();
    }

    static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        int both = 0;
        for (String t : a) {
            if (b.contains(t)) {
                both++;
            }
        }
        return (double) both / (a.size() + b.size() - both);
    }
}
