package org.kefu.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HandOffRulesTest {

    private final HandOffRules rules = new HandOffRules(new PersonRequests(List.of()), 0.5);

    private Optional<HandOffReason> incoming(String question) {
        return rules.beforeAnswer(new HandOffRules.Incoming(question, false, true, false, List.of()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"转人工", "我要转人工！", "请帮我接人工客服", "能找真人聊吗", "人工服务在哪里",
            "轉人工", "我要找人工客服", "請幫我轉接真人客服", "可以找客服人員嗎", "人工服務",
            "agent", "Can I talk to an AGENT please", "I want a human", "get me a representative",
            "let me speak to someone", "Real   person please", "connect me to an operator", "ｔｏ ａｎ ａｇｅｎｔ"})
    void aRequestForAPersonHandsOverInSimplifiedTraditionalAndEnglish(String question) {
        assertThat(incoming(question)).contains(HandOffReason.PERSON_REQUESTED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"退款多久到账", "人工智能产品怎么退货", "How do I reset my password", "my user-agent string is wrong",
            "humanity", "the agentic workflow", "配送需要几天"})
    void ordinaryQuestionsAreLeftToTheBot(String question) {
        assertThat(incoming(question)).isEmpty();
    }

    @Test
    void aVipSkipsTheBotOnlyWhereTheChannelSaysSo() {
        assertThat(rules.beforeAnswer(new HandOffRules.Incoming("退款多久到账", true, true, false, List.of())))
                .contains(HandOffReason.VIP);
        assertThat(rules.beforeAnswer(new HandOffRules.Incoming("退款多久到账", true, false, false, List.of()))).isEmpty();
        assertThat(rules.beforeAnswer(new HandOffRules.Incoming("退款多久到账", false, true, false, List.of()))).isEmpty();
    }

    @Test
    void anAngryCustomerGoesToAPerson() {
        assertThat(rules.beforeAnswer(new HandOffRules.Incoming("退款多久到账", false, true, true, List.of())))
                .contains(HandOffReason.ANGRY);
    }

    @Test
    void theSameOrASimilarQuestionAgainIsARepeat() {
        List<String> earlier = List.of(Questions.normalise("请问退款多久能到账？"));
        assertThat(rules.beforeAnswer(new HandOffRules.Incoming("退款多久能到账", false, true, false, earlier)))
                .contains(HandOffReason.REPEATED_QUESTION);
        assertThat(rules.beforeAnswer(new HandOffRules.Incoming("退款多久能到帳呢？？", false, true, false, earlier)))
                .as("Traditional and punctuation do not make it a new question").contains(HandOffReason.REPEATED_QUESTION);
        assertThat(rules.beforeAnswer(new HandOffRules.Incoming("快递几天能送到", false, true, false, earlier))).isEmpty();
        List<String> english = List.of(Questions.normalise("How do I reset my password?"));
        assertThat(rules.beforeAnswer(new HandOffRules.Incoming("how do i reset my password", false, true, false, english)))
                .contains(HandOffReason.REPEATED_QUESTION);
        assertThat(rules.beforeAnswer(new HandOffRules.Incoming("Where is my parcel?", false, true, false, english))).isEmpty();
    }

    @Test
    void lowConfidenceOrNothingFoundHandsOver() {
        assertThat(rules.afterRetrieval(Optional.empty())).contains(HandOffReason.LOW_CONFIDENCE);
        assertThat(rules.afterRetrieval(Optional.of(0.49))).contains(HandOffReason.LOW_CONFIDENCE);
        assertThat(rules.afterRetrieval(Optional.of(0.5))).isEmpty();
        assertThat(new HandOffRules(new PersonRequests(List.of()), 0.8).afterRetrieval(Optional.of(0.7)))
                .contains(HandOffReason.LOW_CONFIDENCE);
    }

    @Test
    void twoNotHelpedInARowHandOver() {
        assertThat(HandOffRules.afterFeedback(0)).isEmpty();
        assertThat(HandOffRules.afterFeedback(1)).isEmpty();
        assertThat(HandOffRules.afterFeedback(2)).contains(HandOffReason.NOT_HELPED_TWICE);
    }

    @Test
    void theOrderIsVipThenPersonThenAngerThenRepeat() {
        List<String> earlier = List.of(Questions.normalise("转人工"));
        assertThat(rules.beforeAnswer(new HandOffRules.Incoming("转人工", true, true, true, earlier))).contains(HandOffReason.VIP);
        assertThat(rules.beforeAnswer(new HandOffRules.Incoming("转人工", false, true, true, earlier)))
                .contains(HandOffReason.PERSON_REQUESTED);
        assertThat(rules.beforeAnswer(new HandOffRules.Incoming("退款", false, true, true, List.of(Questions.normalise("退款")))))
                .contains(HandOffReason.ANGRY);
    }

    @Test
    void adminKeywordsReplaceTheBuiltInOnes() {
        HandOffRules custom = new HandOffRules(new PersonRequests(PersonRequests.parse("找经理，supervisor\n投诉专线")), 0.5);
        assertThat(custom.beforeAnswer(new HandOffRules.Incoming("我要找经理", false, true, false, List.of())))
                .contains(HandOffReason.PERSON_REQUESTED);
        assertThat(custom.beforeAnswer(new HandOffRules.Incoming("get me your supervisor", false, true, false, List.of())))
                .contains(HandOffReason.PERSON_REQUESTED);
        assertThat(custom.beforeAnswer(new HandOffRules.Incoming("转人工", false, true, false, List.of()))).isEmpty();
    }

    /** Property: a person request stays one whatever text surrounds it (seeded random padding). */
    @Test
    void aPersonRequestIsFoundInsideAnyText() {
        Random random = new Random(20261202);
        String[] requests = {"转人工", "轉人工", "人工客服", "真人", "agent", "human", "representative"};
        String alphabet = "的了我你退款快递包裹订单为什么怎么。，！？ abcxyz0123";
        for (int i = 0; i < 500; i++) {
            String request = requests[random.nextInt(requests.length)];
            String before = randomText(random, alphabet);
            String after = randomText(random, alphabet);
            String question = before + " " + request + " " + after;
            assertThat(incoming(question)).as(question).contains(HandOffReason.PERSON_REQUESTED);
        }
    }

    /** Property: any question is similar to itself with added punctuation, spaces and polite filler. */
    @Test
    void aQuestionRepeatedWithNoiseIsStillARepeat() {
        Random random = new Random(7);
        String alphabet = "退款快递包裹订单发票地址修改取消多久几天怎么为什么";
        for (int i = 0; i < 500; i++) {
            StringBuilder q = new StringBuilder();
            int n = 4 + random.nextInt(12);
            for (int j = 0; j < n; j++) {
                q.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String noisy = (random.nextBoolean() ? "请问" : "您好，") + q + (random.nextBoolean() ? "？？" : "呢!") ;
            assertThat(Questions.similar(Questions.normalise(q.toString()), Questions.normalise(noisy))).as(noisy).isTrue();
        }
    }

    private static String randomText(Random random, String alphabet) {
        StringBuilder s = new StringBuilder();
        int n = random.nextInt(12);
        for (int i = 0; i < n; i++) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }
}
