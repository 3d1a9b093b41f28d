package org.kefu.knowledge;

import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Article bodies are Markdown. Rendering is safe in two layers: commonmark escapes raw HTML and drops unsafe URLs
 * ({@code javascript:}, {@code data:} ...), then jsoup keeps only a fixed set of tags and attributes, links only to
 * http(s), mailto or paths of this site, images only over http(s).
 */
public final class MarkdownText {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();
    private static final TextContentRenderer TEXT = TextContentRenderer.builder().build();
    private static final String BASE = "https://kefu.invalid";
    private static final Safelist SAFE = Safelist.relaxed()
            .removeProtocols("a", "href", "ftp")
            .addEnforcedAttribute("a", "rel", "nofollow noopener noreferrer")
            .preserveRelativeLinks(true);

    private MarkdownText() {
    }

    /** HTML safe to insert into a page. */
    public static String html(String markdown) {
        String raw = HTML.render(parse(markdown));
        Document dirty = Jsoup.parseBodyFragment(raw, BASE);
        Document clean = new Cleaner(SAFE).clean(dirty);
        clean.outputSettings().prettyPrint(false);
        String out = clean.body().html();
        // relative links were resolved against the placeholder base to check them; give them back their path
        return out.replace(BASE + "/", "/");
    }

    /** The text without markup, for "insert as text" and passages. */
    public static String plain(String markdown) {
        return TEXT.render(parse(markdown)).strip();
    }

    static Node parse(String markdown) {
        return PARSER.parse(markdown == null ? "" : markdown);
    }

    static String plain(Node node) {
        return TEXT.render(node).strip();
    }

    /** The first characters of the plain text, for meta descriptions and lists. */
    public static String summary(String markdown, int max) {
        String text = plain(markdown).replaceAll("\\s+", " ").strip();
        return text.length() <= max ? text : text.substring(0, max - 1).strip() + "…";
    }
}
