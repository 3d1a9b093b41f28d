package org.kefu.insight.classify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The shipped resources: default keyword rules and the labelled seed training set (the bench's dev split). */
final class DefaultRules {

    static final String RULES = "insight/classify/default-rules.tsv";
    static final String SEED = "insight/classify/seed.tsv";

    private DefaultRules() {
    }

    static List<ClassificationRule> rules() {
        List<ClassificationRule> rules = new ArrayList<>();
        for (String[] f : rows(RULES)) {
            rules.add(new ClassificationRule(rules.size() + 1, f[0], Arrays.asList(f[5].split("\\|")), dash(f[1]), dash(f[2]),
                    Double.parseDouble(f[3]), f[4].equals("y"), true));
        }
        return rules;
    }

    static List<ClassifierModel.Example> seed() {
        return rows(SEED).stream().map(f -> new ClassifierModel.Example(f[0], f[1], f[2])).toList();
    }

    private static String dash(String value) {
        return value.equals("-") ? null : value;
    }

    private static List<String[]> rows(String resource) {
        try (InputStream in = DefaultRules.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            List<String[]> rows = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    rows.add(line.split("\t"));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
