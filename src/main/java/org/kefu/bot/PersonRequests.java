package org.kefu.bot;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a message asks for a person (转人工, 人工客服, 真人, agent, human, representative ...), in Simplified and
 * Traditional Chinese and English. Chinese keywords match anywhere in the text, Latin ones as whole words
 * (so "agent" matches "an agent please" but not "agentic"), case- and width-insensitive.
 */
final class PersonRequests {

    static final List<String> DEFAULTS = List.of(
            "转人工", "人工客服", "人工服务", "人工坐席", "找人工", "要人工", "接人工", "真人", "客服人员", "在线人工", "专员",
            "轉人工", "人工服務", "人工座席", "客服人員", "線上人工", "真人客服", "專員",
            "agent", "human", "representative", "real person", "live person", "operator", "speak to someone",
            "talk to someone", "speak to a person", "talk to a person", "customer service rep");

    private final List<String> cjk = new ArrayList<>();
    private final List<Pattern> latin = new ArrayList<>();

    PersonRequests(List<String> keywords) {
        for (String raw : keywords == null || keywords.isEmpty() ? DEFAULTS : keywords) {
            String k = fold(raw).strip();
            if (k.isEmpty()) {
                continue;
            }
            if (k.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
                cjk.add(k);
            } else {
                latin.add(Pattern.compile("(?<![\\p{L}\\p{N}-])" + Pattern.quote(k).replace(" ", "\\E\\s+\\Q")
                        + "s?(?![\\p{L}\\p{N}-])"));
            }
        }
    }

    /** The keywords from an admin's text: one per line or separated by commas (，、 too); empty means the defaults. */
    static List<String> parse(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<String> result = new ArrayList<>();
        for (String part : text.split("[\\n,，、;；]+")) {
            String k = part.strip();
            if (!k.isEmpty() && !result.contains(k)) {
                result.add(k);
            }
        }
        return result;
    }

    boolean asksForPerson(String text) {
        if (text == null || text.isBlank()) {
            return false;
        }
        String folded = fold(text);
        return cjk.stream().anyMatch(folded::contains) || latin.stream().anyMatch(p -> p.matcher(folded).find());
    }

    private static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }
}
