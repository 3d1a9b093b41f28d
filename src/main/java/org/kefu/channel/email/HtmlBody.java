package org.kefu.channel.email;

import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The HTML of a mail: sanitised for display (jsoup's relaxed safelist, which has nothing
 * scriptable; images only from http(s) and cid:, links get rel=noopener) and turned into plain
 * text (block elements become line breaks, links "text (url)", blockquotes "> " lines).
 */
final class HtmlBody {

    private static final Safelist SAFELIST = Safelist.relaxed()
            .removeProtocols("img", "src", "http", "https")
            .addProtocols("img", "src", "http", "https", "cid")
            .addAttributes(":all", "dir", "lang")
            .addAttributes("font", "color")
            .addTags("font", "center", "hr")
            .addEnforcedAttribute("a", "rel", "nofollow noopener noreferrer");

    private static final Set<String> BLOCKS = Set.of("p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5",
            "h6", "blockquote", "table", "ul", "ol", "pre", "hr", "dl", "dt", "dd", "center", "section", "article",
            "header", "footer", "address", "tbody", "thead", "title");
    private static final Set<String> SKIPPED = Set.of("script", "style", "head", "title", "noscript", "template",
            "object", "iframe", "svg");

    private static final int MAX_TAG_NAME = 256;

    private HtmlBody() {
    }

    /** Both forms of one HTML body, from a single parse. */
    record Rendered(String text, String html) {
    }

    static Rendered render(String html) {
        Document dirty = Jsoup.parse(defuse(html));
        StringBuilder out = new StringBuilder(Math.min(html.length(), 1 << 20));
        NodeTraversor.traverse(new TextWriter(out), dirty.body());
        Document clean = new Cleaner(SAFELIST).clean(dirty);
        clean.outputSettings().prettyPrint(false);
        return new Rendered(tidy(out.toString()), clean.body().html());
    }

    static String sanitise(String html) {
        return render(html).html();
    }

    static String toText(String html) {
        return render(html).text();
    }

    /**
     * Breaks absurdly long tag names (jsoup reads them in time quadratic in their length): after
     * {@value #MAX_TAG_NAME} characters of a name a space is inserted, which no real tag needs.
     */
    static String defuse(String html) {
        StringBuilder out = null;
        int n = html.length();
        int copied = 0;
        for (int i = 0; i < n; i++) {
            if (html.charAt(i) != '<') {
                continue;
            }
            int start = i + 1 < n && html.charAt(i + 1) == '/' ? i + 2 : i + 1;
            int end = start;
            while (end < n && end - start <= MAX_TAG_NAME && !endsTagName(html.charAt(end))) {
                end++;
            }
            if (end - start > MAX_TAG_NAME) {
                if (out == null) {
                    out = new StringBuilder(n + 16);
                }
                int cut = start + MAX_TAG_NAME;
                out.append(html, copied, cut).append(' ');
                copied = cut;
                i = cut - 1;
            } else {
                i = Math.max(i, end - 1);
            }
        }
        if (out == null) {
            return html;
        }
        return out.append(html, copied, n).toString();
    }

    private static boolean endsTagName(char c) {
        return c == '>' || c == '/' || c == '<' || Character.isWhitespace(c);
    }

    /** Writes text depth-first; quote depth prefixes "> " at each new line inside blockquotes. */
    private static final class TextWriter implements NodeVisitor {
        private final StringBuilder out;
        private int skip;
        private int quoteDepth;
        private int preDepth;

        TextWriter(StringBuilder out) {
            this.out = out;
        }

        @Override
        public void head(Node node, int depth) {
            if (node instanceof Element element) {
                String tag = element.normalName();
                if (SKIPPED.contains(tag)) {
                    skip++;
                    return;
                }
                if (skip > 0) {
                    return;
                }
                if (BLOCKS.contains(tag)) {
                    newLine();
                }
                if (tag.equals("blockquote")) {
                    quoteDepth++;
                } else if (tag.equals("pre")) {
                    preDepth++;
                } else if (tag.equals("li")) {
                    append("- ");
                } else if (tag.equals("td") || tag.equals("th")) {
                    if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
                        append(" ");
                    }
                } else if (tag.equals("img")) {
                    String alt = element.attr("alt").strip();
                    if (!alt.isEmpty()) {
                        append("[" + alt + "]");
                    }
                }
            } else if (node instanceof TextNode text && skip == 0) {
                String value = preDepth > 0 ? text.getWholeText() : collapse(text.getWholeText());
                if (preDepth == 0 && value.equals(" ") && (out.length() == 0 || endsWithSpace())) {
                    return;
                }
                append(value);
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (!(node instanceof Element element)) {
                return;
            }
            String tag = element.normalName();
            if (SKIPPED.contains(tag)) {
                skip--;
                return;
            }
            if (skip > 0) {
                return;
            }
            if (tag.equals("a")) {
                String href = element.attr("href").strip();
                String label = element.text().strip();
                if (!href.isEmpty() && !href.toLowerCase(Locale.ROOT).startsWith("javascript:")
                        && !href.startsWith("#") && !label.equals(href)
                        && !href.equalsIgnoreCase("mailto:" + label)) {
                    append(label.isEmpty() ? href : " (" + href + ")");
                }
            }
            if (tag.equals("blockquote")) {
                quoteDepth--;
            } else if (tag.equals("pre")) {
                preDepth--;
            }
            if (BLOCKS.contains(tag) && !tag.equals("br")) {
                newLine();
            }
        }

        private boolean endsWithSpace() {
            char c = out.charAt(out.length() - 1);
            return c == ' ' || c == '\n';
        }

        private void newLine() {
            out.append('\n');
        }

        private void append(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quoteDepth > 0 && (out.length() == 0 || out.charAt(out.length() - 1) == '\n') && c != '\n') {
                    out.append("> ".repeat(Math.min(quoteDepth, 20)));
                    if (c == ' ') {
                        continue;
                    }
                }
                if (c == ' ' && (out.length() == 0 || out.charAt(out.length() - 1) == '\n') && preDepth == 0) {
                    continue;
                }
                out.append(c);
            }
        }

        private static String collapse(String text) {
            StringBuilder b = new StringBuilder(text.length());
            boolean space = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isWhitespace(c) || c == '\u00a0') {
                    if (!space) {
                        b.append(' ');
                    }
                    space = true;
                } else {
                    b.append(c);
                    space = false;
                }
            }
            return b.toString();
        }
    }

    /** Trims line ends and collapses runs of blank lines to one. */
    static String tidy(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int blank = 0;
        for (String line : text.split("\n", -1)) {
            String trimmed = line.stripTrailing();
            boolean isBlank = trimmed.isEmpty() || trimmed.matches("(> ?)+");
            if (isBlank) {
                blank++;
                if (blank > 1 || out.isEmpty()) {
                    continue;
                }
            } else {
                blank = 0;
            }
            out.append(trimmed).append('\n');
        }
        return out.toString().strip();
    }
}
