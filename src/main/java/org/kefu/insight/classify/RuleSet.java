package org.kefu.insight.classify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The active rules compiled into one character trie of their folded keywords, so a text is scanned once whatever the
 * number of rules. Latin keywords match whole words (plus an s/es/ed/d/ing ending); CJK keywords match anywhere.
 * Each rule counts once per text, with its strongest match.
 */
final class RuleSet {

    /** What a negated keyword of a negatable rule still counts for. */
    static final double NEGATED_SHARE = 0.2;

    private static final int NEGATION_WINDOW_CJK = 4;
    private static final int NEGATION_WINDOW_LATIN = 14;
    private static final String[] NEGATIONS_CJK = {"没有", "并没有", "没", "不是", "不", "无", "未", "并非", "非", "别", "毫无"};
    private static final String[] NEGATIONS_LATIN = {"not", "no", "never", "without", "nothing", "isn't", "wasn't",
            "aren't", "weren't", "doesn't", "didn't", "don't", "hasn't", "haven't", "nor", "none"};
    private static final String[] SUFFIXES = {"", "s", "es", "ed", "d", "ing"};

    record Hit(long ruleId, String name, String keyword, boolean negated, double weight, String complaintType, String topic) {
    }

    /** The rules that matched and the score they give each complaint type and topic. */
    record Scores(List<Hit> hits, Map<String, Double> types, Map<String, Double> topics) {
        static final Scores NONE = new Scores(List.of(), Map.of(), Map.of());
    }

    private final List<ClassificationRule> rules;
    private final Node root;
    private final Node negations;

    private RuleSet(List<ClassificationRule> rules, Node root, Node negations) {
        this.rules = rules;
        this.root = root;
        this.negations = negations;
    }

    static RuleSet compile(List<ClassificationRule> all, ClassifyText pipeline) {
        List<ClassificationRule> rules = all.stream().filter(ClassificationRule::active).toList();
        MutableNode root = new MutableNode();
        for (int r = 0; r < rules.size(); r++) {
            for (String keyword : rules.get(r).keywords()) {
                String folded = pipeline.fold(keyword.strip()).replaceAll("\\s+", " ");
                if (!folded.isEmpty()) {
                    root.add(folded, r);
                }
            }
        }
        MutableNode negations = new MutableNode();
        for (String n : NEGATIONS_CJK) {
            negations.add(n, 0);
        }
        for (String n : NEGATIONS_LATIN) {
            negations.add(n, 0);
        }
        return new RuleSet(rules, root.freeze(), negations.freeze());
    }

    int size() {
        return rules.size();
    }

    Scores score(char[] text) {
        if (rules.isEmpty() || text.length == 0) {
            return Scores.NONE;
        }
        double[] best = new double[rules.size()];
        String[] keyword = new String[rules.size()];
        boolean[] negatedHit = new boolean[rules.size()];
        int negationEnd = -1;
        boolean negationLatin = false;
        for (int i = 0; i < text.length; i++) {
            char c = text[i];
            if (ClassifyText.isClauseBreak(c)) {
                negationEnd = -1;
                continue;
            }
            boolean wordStart = !ClassifyText.isWordChar(c) || i == 0 || !ClassifyText.isWordChar(text[i - 1]);
            if (!wordStart) {
                continue;
            }
            Node node = root;
            for (int j = i; j < text.length && node != null; j++) {
                node = node.child(text[j]);
                if (node == null || node.rules.length == 0) {
                    continue;
                }
                int end = j + 1;
                if (ClassifyText.isWordChar(text[j]) && !wordEnds(text, end)) {
                    continue;
                }
                boolean negated = negationEnd >= 0 && i - negationEnd <= (negationLatin ? NEGATION_WINDOW_LATIN : NEGATION_WINDOW_CJK);
                for (int r : node.rules) {
                    ClassificationRule rule = rules.get(r);
                    boolean reduced = negated && rule.negatable();
                    double weight = reduced ? rule.weight() * NEGATED_SHARE : rule.weight();
                    if (weight > best[r]) {
                        best[r] = weight;
                        keyword[r] = new String(text, i, end - i);
                        negatedHit[r] = reduced;
                    }
                }
            }
            int negation = negationAt(text, i);
            if (negation > 0) {
                negationEnd = i + negation;
                negationLatin = ClassifyText.isWordChar(c);
            }
        }
        List<Hit> hits = new ArrayList<>();
        Map<String, Double> types = new LinkedHashMap<>();
        Map<String, Double> topics = new LinkedHashMap<>();
        for (int r = 0; r < best.length; r++) {
            if (best[r] <= 0) {
                continue;
            }
            ClassificationRule rule = rules.get(r);
            hits.add(new Hit(rule.id(), rule.name(), keyword[r], negatedHit[r], best[r], rule.complaintType(), rule.topic()));
            if (rule.complaintType() != null) {
                types.merge(rule.complaintType(), best[r], Double::sum);
            }
            if (rule.topic() != null) {
                topics.merge(rule.topic(), best[r], Double::sum);
            }
        }
        return hits.isEmpty() ? Scores.NONE : new Scores(List.copyOf(hits), types, topics);
    }

    /** Length of the longest negation word starting at {@code i}, or 0. */
    private int negationAt(char[] text, int i) {
        Node node = negations;
        int found = 0;
        for (int j = i; j < text.length && node != null; j++) {
            node = node.child(text[j]);
            if (node != null && node.rules.length > 0 && (!ClassifyText.isWordChar(text[j]) || !nextIsWord(text, j + 1))) {
                found = j + 1 - i;
            }
        }
        return found;
    }

    private static boolean nextIsWord(char[] text, int at) {
        return at < text.length && ClassifyText.isWordChar(text[at]);
    }

    /** Whether a Latin keyword ending at {@code end} ends a word, allowing a plural or verb ending. */
    private static boolean wordEnds(char[] text, int end) {
        for (String suffix : SUFFIXES) {
            int after = end + suffix.length();
            if (after > text.length) {
                continue;
            }
            boolean matches = true;
            for (int k = 0; k < suffix.length() && matches; k++) {
                matches = text[end + k] == suffix.charAt(k);
            }
            if (matches && !nextIsWord(text, after)) {
                return true;
            }
        }
        return false;
    }

    private static final class Node {
        private char[] keys = new char[0];
        private Node[] children = new Node[0];
        private int[] rules = new int[0];

        Node child(char c) {
            int at = Arrays.binarySearch(keys, c);
            return at >= 0 ? children[at] : null;
        }
    }

    private static final class MutableNode {
        private final TreeMap<Character, MutableNode> children = new TreeMap<>();
        private final List<Integer> rules = new ArrayList<>();

        void add(String keyword, int rule) {
            MutableNode node = this;
            for (char c : keyword.toCharArray()) {
                node = node.children.computeIfAbsent(c, k -> new MutableNode());
            }
            if (!node.rules.contains(rule)) {
                node.rules.add(rule);
            }
        }

        Node freeze() {
            return freeze(this);
        }

        private static Node freeze(MutableNode mutable) {
            Node node = new Node();
            node.rules = mutable.rules.stream().mapToInt(Integer::intValue).toArray();
            node.keys = new char[mutable.children.size()];
            node.children = new Node[mutable.children.size()];
            int i = 0;
            for (Map.Entry<Character, MutableNode> child : mutable.children.entrySet()) {
                node.keys[i] = child.getKey();
                node.children[i++] = freeze(child.getValue());
            }
            return node;
        }
    }
}
