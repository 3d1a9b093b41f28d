package org.kefu.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

class MarkdownTextTest {

    @Test
    void keepsMarkdownAndDropsEveryWayToRunScript() {
        String html = MarkdownText.html("""
                ## 步骤

                1. **打开**订单 [帮助](/help/zh-CN/1-x) [外部](https://example.com)
                <script>alert(1)</script>
                <img src=x onerror=alert(1)> <iframe src="https://evil.example"></iframe>
                [js](javascript:alert(1)) [JS](JaVaScRiPt:alert(1)) [vb](vbscript:x) ![i](javascript:alert(2))
                <a href="javascript:alert(3)" onclick="x()">a</a> <svg onload=alert(4)>
                """);
        assertThat(html).contains("<h2>步骤</h2>", "<strong>打开</strong>", "href=\"/help/zh-CN/1-x\"",
                "href=\"https://example.com\"", "rel=\"nofollow noopener noreferrer\"");
        assertThat(html).contains("&lt;script&gt;");
        assertInert(html);
    }

    @Test
    void plainTextAndSummary() {
        assertThat(MarkdownText.plain("# 标题\n\n**粗体** [链接](https://x.example)")).contains("标题", "粗体", "链接")
                .doesNotContain("**", "#");
        assertThat(MarkdownText.summary("一二三四五六七八九十", 5)).isEqualTo("一二三四…");
    }

    /** Fuzz: random mixes of HTML, Markdown and attack fragments never produce script, handlers or js: URLs. */
    @RepeatedTest(300)
    void randomInputNeverRendersActiveContent(RepetitionInfo repetition) {
        Random random = new Random(42_000L + repetition.getCurrentRepetition());
        String[] atoms = {"<", ">", "\"", "'", "=", "script", "on", "error", "load", "javascript", ":", "alert(1)", "[", "]", "(",
                ")", "!", "<img src=x ", "<a href=", "<svg ", "<iframe ", "&#106;avascript:", "java\tscript:", "\n", "\n\n", "#",
                "*", "`", "```\n", "data:text/html,", "style=", "expression(", "<!--", "-->", "文字", " "};
        StringBuilder input = new StringBuilder();
        int n = 1 + random.nextInt(120);
        for (int i = 0; i < n; i++) {
            input.append(atoms[random.nextInt(atoms.length)]);
        }
        assertInert(MarkdownText.html(input.toString()));
    }

    /** No active elements, no handlers or styles, no script/data URLs: the rendered HTML cannot run anything. */
    static void assertInert(String html) {
        org.jsoup.nodes.Document doc = org.jsoup.Jsoup.parseBodyFragment(html);
        assertThat(doc.select("script, iframe, svg, object, embed, style")).isEmpty();
        doc.getAllElements().forEach(e -> e.attributes().forEach(a -> {
            assertThat(a.getKey().toLowerCase()).doesNotStartWith("on").isNotEqualTo("style");
            String value = a.getValue().replaceAll("[\\s\\x00-\\x1f]", "").toLowerCase();
            assertThat(value).doesNotStartWith("javascript:").doesNotStartWith("data:").doesNotStartWith("vbscript:");
        }));
    }
}
