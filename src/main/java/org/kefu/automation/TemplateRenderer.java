package org.kefu.automation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.kefu.platform.HtmlText;

/**
 * Fills a template body's {@code {{variables}}} from known values. Pure: no database, no clock.
 * A variable without a value (unknown, empty, or an {@code ask.*} the agent must write) becomes a
 * visible placeholder such as 【客户姓名?】; the result never contains "{{", whatever the template or
 * the values hold.
 */
public final class TemplateRenderer {

    private static final Pattern NAME = Pattern.compile("[^{}\\n\\r]{1,80}");

    /** The variables a template may use besides {@code custom.<key>} and {@code ask.<label>}, in docs order. */
    public static final List<String> VARIABLES = List.of("customer.name", "ticket.number", "ticket.subject", "ticket.order",
            "ticket.product", "ticket.demand", "ticket.demandDeadline", "agent.name", "date.today", "date.tomorrow");

    private TemplateRenderer() {
    }

    /** Variables a body uses that no ticket can fill ("{{" for a malformed one), for checking templates as they are saved. */
    public static List<String> badVariables(String body) {
        return render(body, Map.of(), TemplateLanguage.ZH_CN).missing().stream()
                .filter(v -> !VARIABLES.contains(v) && !(v.startsWith("custom.") && v.length() > 7)
                        && !(v.startsWith("ask.") && v.length() > 4))
                .map(v -> v.equals("{{") ? "{{" : "{{" + v + "}}")
                .toList();
    }

    /** One piece of the rendered text: literal or filled text, or a placeholder the agent must replace. */
    public record Segment(String text, boolean placeholder) {
    }

    /** The rendered text, its pieces (for highlighting) and the variables that had no value, in order. */
    public record Rendered(String text, List<Segment> segments, List<String> missing) {

        public boolean complete() {
            return missing.isEmpty();
        }

        /** HTML for previews: everything escaped, placeholders marked. */
        public String html() {
            StringBuilder html = new StringBuilder();
            for (Segment s : segments) {
                String escaped = HtmlText.escape(s.text());
                html.append(s.placeholder() ? "<mark class=\"automation-missing\">" + escaped + "</mark>" : escaped);
            }
            return noBraces(html.toString());
        }
    }

    public static Rendered render(String body, Map<String, String> values, TemplateLanguage language) {
        List<Segment> segments = new ArrayList<>();
        Set<String> missing = new LinkedHashSet<>();
        String text = body == null ? "" : body;
        int i = 0;
        while (i < text.length()) {
            int open = text.indexOf("{{", i);
            if (open < 0) {
                literal(segments, text.substring(i));
                break;
            }
            literal(segments, text.substring(i, open));
            int close = text.indexOf("}}", open + 2);
            String name = close < 0 ? null : text.substring(open + 2, close).strip();
            if (name == null || !NAME.matcher(name).matches()) {
                segments.add(new Segment(Placeholders.broken(language), true));
                missing.add("{{");
                i = open + 2;
                continue;
            }
            String value = name.startsWith("ask.") ? null : values.get(name);
            if (value == null || value.isBlank()) {
                segments.add(new Segment(Placeholders.of(name, language), true));
                missing.add(name);
            } else {
                segments.add(new Segment(noBraces(value), false));
            }
            i = close + 2;
        }
        StringBuilder joined = new StringBuilder();
        segments.forEach(s -> joined.append(s.text()));
        return new Rendered(noBraces(joined.toString()), List.copyOf(segments), List.copyOf(missing));
    }

    private static void literal(List<Segment> segments, String text) {
        if (!text.isEmpty()) {
            segments.add(new Segment(noBraces(text), false));
        }
    }

    /** "{{" split apart, also where it would arise from pieces put side by side. */
    static String noBraces(String text) {
        String s = text;
        while (s.contains("{{")) {
            s = s.replace("{{", "{ {");
        }
        return s;
    }
}
