package org.kefu.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.RepetitionInfo;
import org.kefu.platform.search.TraditionalToSimplifiedCharFilterFactory;

/** Passage splitting and the confidence of a passage, with the index's analysis chain built in plain Lucene. */
class PassageConfidenceTest {

    static final Analyzer ANALYZER = analyzer();
    static final PassageConfidence SCORER = new PassageConfidence(text -> PublishedPassages.analyse(ANALYZER, text));

    static Analyzer analyzer() {
        try {
            return CustomAnalyzer.builder()
                    .withTokenizer("hmmChinese")
                    .addCharFilter(TraditionalToSimplifiedCharFilterFactory.NAME)
                    .addTokenFilter("cjkWidth")
                    .addTokenFilter("patternReplace", "pattern", "^[\\p{P}\\p{S}]+$", "replacement", "")
                    .addTokenFilter("length", "min", "1", "max", "255")
                    .addTokenFilter("lowercase")
                    .addTokenFilter("asciiFolding")
                    .addTokenFilter("porterStem")
                    .build();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static double confidence(String question, String title, List<String> questions, String passage) {
        return SCORER.confidence(SCORER.terms(question), SCORER.article(title, questions), SCORER.terms(passage));
    }

    @Test
    void theTitleOrAListedQuestionAskedAgainIsFullConfidenceInEitherScript() {
        assertThat(confidence("退款政策是什么？", "退款政策", List.of(), "签收后七天内可以退货。")).isEqualTo(1.0);
        assertThat(confidence("退款多久到賬？", "退货退款", List.of("退款多久到账"), "三到五个工作日。")).isEqualTo(1.0);
        assertThat(confidence("How long does a refund take?", "Returns", List.of("How long do refunds take"), "x")).isEqualTo(1.0);
    }

    @Test
    void coverageWithoutAMatchStaysBelowOneAndAnUnrelatedQuestionIsLow() {
        double covered = confidence("快递丢了怎么赔偿", "物流问题", List.of(), "快递丢失时按订单金额赔偿。");
        assertThat(covered).isGreaterThanOrEqualTo(0.5).isLessThan(1.0);
        assertThat(confidence("会员积分怎么兑换", "物流问题", List.of(), "快递丢失时按订单金额赔偿。")).isLessThan(0.3);
        assertThat(confidence("吗？的了", "物流问题", List.of(), "快递")).isZero();
    }

    @Test
    void thePassageThatHoldsTheAnswerScoresHigherThanItsNeighbour() {
        PassageConfidence.Article article = SCORER.article("退货退款", List.of());
        Set<String> question = SCORER.terms("退款到账要几个工作日");
        double answer = SCORER.confidence(question, article, SCORER.terms("退款会在三到五个工作日内到账。"));
        double other = SCORER.confidence(question, article, SCORER.terms("商品未使用、包装完好可以退货。"));
        assertThat(answer).isGreaterThan(other);
    }

    @Test
    void splitsAtHeadingsAndKeepsEachPassageShort() {
        List<PassageSplitter.Piece> pieces = PassageSplitter.split("""
                开头一段。

                ## 条件

                第一段。

                - 一
                - 二

                ## 时间

                三到五天。
                """);
        assertThat(pieces).extracting(PassageSplitter.Piece::heading).containsExactly(null, "条件", "时间");
        assertThat(pieces.get(1).text()).contains("第一段。", "一", "二");
        assertThat(pieces.get(2).text()).isEqualTo("三到五天。");
    }

    /** Random Markdown-ish bodies: passages are never empty, never longer than the maximum, and lose no text. */
    @RepeatedTest(200)
    void splittingRandomBodiesKeepsBoundsAndText(RepetitionInfo repetition) {
        Random random = new Random(7_000L + repetition.getCurrentRepetition());
        String[] atoms = {"退款", "refund", "。", "！", ". ", "\n", "\n\n", "## 标题\n\n", "- 项\n", "> 引用\n", "**粗**", "`code`",
                "<script>", "[l](javascript:x)", "  ", "😀", "長文字", "a"};
        StringBuilder body = new StringBuilder();
        int n = random.nextInt(400);
        for (int i = 0; i < n; i++) {
            body.append(atoms[random.nextInt(atoms.length)]);
            if (random.nextInt(30) == 0) {
                body.append("字".repeat(random.nextInt(900)));
            }
        }
        List<PassageSplitter.Piece> pieces = PassageSplitter.split(body.toString());
        for (PassageSplitter.Piece p : pieces) {
            assertThat(p.text()).isNotBlank();
            assertThat(p.text().length()).isLessThanOrEqualTo(PassageSplitter.MAX_CHARS);
        }
        long original = MarkdownText.plain(body.toString()).chars().filter(c -> c == '字').count();
        long kept = pieces.stream().mapToLong(p -> p.text().chars().filter(c -> c == '字').count()).sum();
        assertThat(kept).isEqualTo(original);
        Set<String> question = SCORER.terms(body.length() > 50 ? body.substring(0, 50) : body.toString());
        PassageConfidence.Article article = SCORER.article("标题", List.of("退款"));
        for (PassageSplitter.Piece p : pieces) {
            assertThat(SCORER.confidence(question, article, SCORER.terms(p.text()))).isBetween(0.0, 1.0);
        }
    }
}
