package org.kefu.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.kefu.platform.Actor;
import org.kefu.platform.Role;
import org.kefu.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

class KnowledgePassagesIT extends IntegrationTest {

    static final Actor EDITOR = new Actor(1L, "编辑", "editor@test.kefu.local", Role.SUPERVISOR, Set.of(), Set.of());

    @Autowired
    Articles articles;

    @Autowired
    KnowledgePassages passages;

    @Autowired
    ArticleStats stats;

    @Test
    void findsThePassageThatAnswersAndPrefersTheAskedLanguage() {
        String marker = unique("k").replace("-", "");
        Article article = articles.create(new NewArticle(null, false, ArticleLanguage.ZH_CN, List.of("退款"), new VariantText(
                "怎样申请退货退款" + marker, null, """
                ## 申请条件

                签收后七天内，商品未使用、包装完好，可以申请无理由退货。

                ## 退款到账时间

                仓库收到退货后，退款会在三到五个工作日内原路退回您的支付账户。
                """, List.of("退款多久到账", "怎么退货"))), EDITOR);
        articles.saveVariant(article.getId(), ArticleLanguage.EN, new VariantText("How to return an item " + marker, null, """
                ## Conditions

                Within seven days of delivery, unused items in their original packaging can be returned.

                ## When the refund arrives

                Refunds reach your original payment account three to five working days after the warehouse receives the return.
                """, List.of("How long does a refund take?")), EDITOR);
        articles.publish(article.getId(), EDITOR);

        List<KnowledgePassages.Passage> found = passages.find("退款多久到账？" + marker, Locale.SIMPLIFIED_CHINESE, 3);
        assertThat(found).isNotEmpty();
        KnowledgePassages.Passage best = found.getFirst();
        assertThat(best.articleId()).isEqualTo(article.getId());
        assertThat(best.text()).contains("三到五个工作日");
        assertThat(best.confidence()).isGreaterThanOrEqualTo(0.5);
        assertThat(best.path()).startsWith("/help/zh-CN/" + article.getId() + "-");
        assertThat(best.language()).isEqualTo(Locale.forLanguageTag("zh-CN"));

        // Traditional question finds the Simplified article
        List<KnowledgePassages.Passage> traditional = passages.find("退款多久到賬 " + marker, Locale.forLanguageTag("zh-CN"), 3);
        assertThat(traditional).extracting(KnowledgePassages.Passage::articleId).contains(article.getId());

        // English question, English variant, stemming: "refunds" finds "refund"
        List<KnowledgePassages.Passage> english = passages.find("how long do refunds take " + marker, Locale.ENGLISH, 3);
        assertThat(english).isNotEmpty();
        assertThat(english.getFirst().articleId()).isEqualTo(article.getId());
        assertThat(english.getFirst().text()).contains("working days");
        assertThat(english.getFirst().language()).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void unrelatedQuestionsGetLowConfidenceAndNonPublicArticlesAreNeverReturned() {
        String marker = unique("k").replace("-", "");
        Article published = articles.create(new NewArticle(null, false, ArticleLanguage.ZH_CN, List.of(), new VariantText(
                "会员积分规则" + marker, null, "每消费一元累积一个积分，积分可以在下单时抵扣现金。", List.of())), EDITOR);
        articles.publish(published.getId(), EDITOR);
        Article internal = articles.create(new NewArticle(null, true, ArticleLanguage.ZH_CN, List.of(), new VariantText(
                "内部积分补偿流程" + marker, null, "客服可以为投诉客户补偿积分，需要主管审批。", List.of())), EDITOR);
        articles.publish(internal.getId(), EDITOR);
        Article draft = articles.create(new NewArticle(null, false, ArticleLanguage.ZH_CN, List.of(), new VariantText(
                "积分草稿" + marker, null, "积分草稿内容。", List.of())), EDITOR);

        List<KnowledgePassages.Passage> found = passages.find("积分 " + marker, Locale.SIMPLIFIED_CHINESE, 10);
        assertThat(found).extracting(KnowledgePassages.Passage::articleId)
                .contains(published.getId())
                .doesNotContain(internal.getId(), draft.getId());

        // without the marker: smartcn splits it into letters and digits that would match this test's own title
        List<KnowledgePassages.Passage> unrelated = passages.find("我的快递被压坏了要赔偿", Locale.SIMPLIFIED_CHINESE, 10);
        // other test classes may well have published articles about parcels and compensation: only this test's
        // article is known to be unrelated to the question
        assertThat(unrelated).filteredOn(p -> p.articleId() == published.getId())
                .allSatisfy(p -> assertThat(p.confidence()).isLessThan(0.5));
    }

    @Test
    void feedbackIsCounted() {
        Article article = articles.create(new NewArticle(null, false, ArticleLanguage.EN, List.of(), new VariantText(
                "Opening hours " + unique("x"), null, "We answer every day from 9:00 to 21:00.", List.of())), EDITOR);
        articles.publish(article.getId(), EDITOR);
        passages.recordFeedback(article.getId(), true, "bot");
        passages.recordFeedback(article.getId(), false, "bot");
        passages.recordFeedback(article.getId(), true, "portal");
        assertThat(stats.of(article.getId())).isEqualTo(new ArticleCounts(0, 2, 1, 0, 0));
    }
}
