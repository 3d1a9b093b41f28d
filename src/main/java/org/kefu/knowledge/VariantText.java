package org.kefu.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.kefu.platform.InvalidRequestException;

/** The text of a variant as an editor saves it; the slug is derived from the title when left blank. */
public record VariantText(String title, String slug, String body, List<String> questions) {

    static final int MAX_TITLE = 300;
    static final int MAX_SLUG = 120;
    static final int MAX_BODY = 200_000;
    static final int MAX_QUESTIONS = 20;
    static final int MAX_QUESTION = 190;

    public VariantText {
        List<InvalidRequestException.FieldProblem> problems = new ArrayList<>();
        title = title == null ? "" : title.strip();
        body = body == null ? "" : body.replace("\r\n", "\n");
        if (title.isEmpty()) {
            problems.add(new InvalidRequestException.FieldProblem("title", "must not be blank"));
        } else if (title.length() > MAX_TITLE) {
            problems.add(new InvalidRequestException.FieldProblem("title", "must be at most " + MAX_TITLE + " characters"));
        }
        if (body.isBlank()) {
            problems.add(new InvalidRequestException.FieldProblem("body", "must not be blank"));
        } else if (body.length() > MAX_BODY) {
            problems.add(new InvalidRequestException.FieldProblem("body", "must be at most " + MAX_BODY + " characters"));
        }
        List<String> cleaned = new ArrayList<>();
        for (String q : questions == null ? List.<String>of() : questions) {
            String one = q == null ? "" : q.replace('\n', ' ').replace('\r', ' ').strip();
            if (one.isEmpty()) {
                continue;
            }
            if (one.length() > MAX_QUESTION) {
                problems.add(new InvalidRequestException.FieldProblem("questions", "each question must be at most "
                        + MAX_QUESTION + " characters"));
                break;
            }
            cleaned.add(one);
        }
        if (cleaned.size() > MAX_QUESTIONS) {
            problems.add(new InvalidRequestException.FieldProblem("questions", "at most " + MAX_QUESTIONS + " questions"));
        }
        questions = List.copyOf(cleaned);
        String s = slugOf(slug == null || slug.isBlank() ? title : slug);
        if (s.isEmpty() && problems.isEmpty()) {
            s = "article";
        }
        slug = s;
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
    }

    /** Letters and digits of any script, lower-cased, other runs become one '-'; at most {@value #MAX_SLUG} characters. */
    public static String slugOf(String text) {
        StringBuilder sb = new StringBuilder();
        boolean dash = false;
        for (int cp : text.toLowerCase(Locale.ROOT).codePoints().toArray()) {
            if (Character.isLetterOrDigit(cp)) {
                if (dash && !sb.isEmpty()) {
                    sb.append('-');
                }
                dash = false;
                if (sb.length() + Character.charCount(cp) > MAX_SLUG - 1) {
                    break;
                }
                sb.appendCodePoint(cp);
            } else {
                dash = true;
            }
        }
        return sb.toString();
    }
}
