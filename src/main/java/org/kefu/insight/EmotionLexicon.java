package org.kefu.insight;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The emotion lexicons (src/main/resources/insight/emotion/*.txt) in one character trie, so a message is scanned once:
 * at each position the longest term that starts there is found by walking the trie. English terms and terms that
 * start or end with a digit only match on word boundaries.
 */
final class EmotionLexicon {

    enum Category { ANGRY, ANXIOUS, DISAPPOINTED, SATISFIED, THREAT, NEGATION, INTENSIFIER, NEUTRAL }

    record Term(String text, Category category, double weight, boolean emoji) {
    }

    private static final String DIRECTORY = "insight/emotion/";

    private final Node root;
    private final int size;

    private EmotionLexicon(Node root, int size) {
        this.root = root;
        this.size = size;
    }

    static EmotionLexicon load(ScriptFolding folding) {
        Builder builder = new Builder();
        for (Category category : Category.values()) {
            String resource = DIRECTORY + category.name().toLowerCase() + ".txt";
            for (String raw : ScriptFolding.Resources.text(resource).split("\n")) {
                String line = raw.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t");
                String term = folding.fold(parts[0].strip());
                double weight = parts.length > 1 ? Double.parseDouble(parts[1].strip()) : 1.0;
                builder.add(new Term(term, category, weight, term.codePoints().noneMatch(Character::isLetterOrDigit)));
            }
        }
        return builder.build();
    }

    int size() {
        return size;
    }

    /** The longest term starting at {@code start} of the folded text, or null. */
    Term longestAt(char[] text, int start) {
        if (isWordChar(text[start]) && start > 0 && isWordChar(text[start - 1])) {
            return null;
        }
        Node node = root;
        Term found = null;
        for (int i = start; i < text.length; i++) {
            node = node.child(text[i]);
            if (node == null) {
                break;
            }
            Term term = node.term;
            if (term != null && (!isWordChar(text[i]) || i + 1 == text.length || !isWordChar(text[i + 1]))) {
                found = term;
            }
        }
        return found;
    }

    static boolean isWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
    }

    private static final class Node {
        private char[] keys = new char[0];
        private Node[] children = new Node[0];
        private Term term;

        Node child(char c) {
            int at = Arrays.binarySearch(keys, c);
            return at >= 0 ? children[at] : null;
        }
    }

    private static final class Builder {
        private final MutableNode root = new MutableNode();
        private int size;

        void add(Term term) {
            if (term.text().isEmpty()) {
                return;
            }
            MutableNode node = root;
            for (char c : term.text().toCharArray()) {
                node = node.children.computeIfAbsent(c, k -> new MutableNode());
            }
            if (node.term == null) {
                size++;
            }
            node.term = term;
        }

        EmotionLexicon build() {
            return new EmotionLexicon(freeze(root), size);
        }

        private static Node freeze(MutableNode mutable) {
            Node node = new Node();
            node.term = mutable.term;
            List<Node> children = new ArrayList<>();
            node.keys = new char[mutable.children.size()];
            int i = 0;
            for (Map.Entry<Character, MutableNode> child : mutable.children.entrySet()) {
                node.keys[i++] = child.getKey();
                children.add(freeze(child.getValue()));
            }
            node.children = children.toArray(Node[]::new);
            return node;
        }
    }

    private static final class MutableNode {
        private final TreeMap<Character, MutableNode> children = new TreeMap<>();
        private Term term;
    }
}
