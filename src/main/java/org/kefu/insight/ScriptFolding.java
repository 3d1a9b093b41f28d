package org.kefu.insight;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Folds text for lexicon matching, one char for one char (so positions stay the same): Traditional Chinese characters
 * to Simplified, full-width ASCII to ASCII, ASCII letters to lower case and curly apostrophes to straight ones.
 */
public final class ScriptFolding {

    /** The table the emotion reader uses (insight/emotion/traditional-simplified.txt), shared by the classifier. */
    public static ScriptFolding standard() {
        return Holder.STANDARD;
    }

    private static final class Holder {
        static final ScriptFolding STANDARD = fromResource("insight/emotion/traditional-simplified.txt");
    }


    private final char[] table = new char[Character.MAX_VALUE + 1];

    private ScriptFolding(String traditionalSimplifiedPairs) {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            table[c] = (char) c;
        }
        for (int c = 'A'; c <= 'Z'; c++) {
            table[c] = (char) (c + ('a' - 'A'));
        }
        for (int c = 0xFF01; c <= 0xFF5E; c++) {
            table[c] = table[c - 0xFEE0];
        }
        table['\u2019'] = '\'';
        table['\u2018'] = '\'';
        table['\u3000'] = ' ';
        for (String line : traditionalSimplifiedPairs.split("\n")) {
            if (line.startsWith("#")) {
                continue;
            }
            for (int i = 0; i + 1 < line.length(); i += 2) {
                table[line.charAt(i)] = line.charAt(i + 1);
            }
        }
    }

    static ScriptFolding fromResource(String resource) {
        return new ScriptFolding(Resources.text(resource));
    }

    public char fold(char c) {
        return table[c];
    }

    public char[] foldChars(CharSequence text) {
        char[] folded = new char[text.length()];
        for (int i = 0; i < folded.length; i++) {
            folded[i] = table[text.charAt(i)];
        }
        return folded;
    }

    public String fold(String text) {
        return new String(foldChars(text));
    }

    /** Reads small UTF-8 text resources shipped in the jar. */
    static final class Resources {
        private Resources() {
        }

        static String text(String resource) {
            try (InputStream in = ScriptFolding.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + resource);
                }
                StringBuilder text = new StringBuilder();
                try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = reader.readLine()) != null) {
                        text.append(line).append('\n');
                    }
                }
                return text.toString();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + resource, e);
            }
        }
    }
}
