package org.kefu.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The LLM's response is outside input: whatever comes back, reading it never throws and never gives more than the cap. */
class ChatCompletionsAnswerFuzzTest {

    private static final String VALID = """
            {"id":"x","object":"chat.completion","choices":[{"index":0,"message":{"role":"assistant",
            "content":"退款会在 3 个工作日内原路退回。"},"finish_reason":"stop"}]}""";

    private final ChatCompletionsPhraser phraser = new ChatCompletionsPhraser();

    @Test
    void readsTheFirstChoicesContent() {
        assertThat(phraser.answer(VALID)).contains("退款会在 3 个工作日内原路退回。");
        assertThat(phraser.answer("{\"choices\":[]}")).isEmpty();
        assertThat(phraser.answer("{\"choices\":[{\"message\":{\"content\":\"   \"}}]}")).isEmpty();
        assertThat(phraser.answer("{\"choices\":[{\"message\":{\"content\":42}}]}")).isEmpty();
        assertThat(phraser.answer("not json")).isEmpty();
        assertThat(phraser.answer("{\"choices\":[{\"message\":{\"content\":\"" + "长".repeat(5000) + "\"}}]}").orElseThrow())
                .hasSize(ChatCompletionsPhraser.MAX_ANSWER_CHARS + 1);
    }

    @Test
    void mutatedResponsesNeverBreakTheReader() {
        Random random = new Random(1202);
        for (int i = 0; i < 5000; i++) {
            StringBuilder s = new StringBuilder(VALID);
            int edits = 1 + random.nextInt(8);
            for (int e = 0; e < edits && s.length() > 0; e++) {
                int at = random.nextInt(s.length());
                switch (random.nextInt(4)) {
                    case 0 -> s.deleteCharAt(at);
                    case 1 -> s.insert(at, (char) random.nextInt(0x3000));
                    case 2 -> s.setCharAt(at, "{}[]\":,\\".charAt(random.nextInt(8)));
                    default -> s.insert(at, s.substring(random.nextInt(s.length())));
                }
            }
            Optional<String> answer = phraser.answer(s.toString());
            answer.ifPresent(a -> {
                assertThat(a).isNotBlank();
                assertThat(a.length()).isLessThanOrEqualTo(ChatCompletionsPhraser.MAX_ANSWER_CHARS + 1);
                assertThat(a.chars().noneMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')).isTrue();
            });
        }
    }
}
