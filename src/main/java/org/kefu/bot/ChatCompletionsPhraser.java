package org.kefu.bot;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kefu.knowledge.KnowledgePassages.Passage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The optional connector to an OpenAI-compatible chat-completions endpoint ({@code POST <base>/chat/completions}):
 * it may phrase the answer from the retrieved passages, and only from them. Any failure (timeout, HTTP error,
 * unexpected JSON, an empty answer) gives nothing, and the bot answers with the passage itself.
 */
@Component
class ChatCompletionsPhraser {

    static final int MAX_ANSWER_CHARS = 2000;
    private static final Logger log = LoggerFactory.getLogger(ChatCompletionsPhraser.class);

    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    Optional<String> phrase(BotConfiguration.LlmEndpoint endpoint, String question, List<Passage> passages,
            BotLanguage language) {
        if (passages.isEmpty()) {
            return Optional.empty();
        }
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(endpoint.baseUrl().resolve(
                            endpoint.baseUrl().getPath().endsWith("/") ? "chat/completions"
                                    : endpoint.baseUrl().getPath() + "/chat/completions"))
                    .timeout(endpoint.timeout())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body(endpoint, question, passages,
                            language)), StandardCharsets.UTF_8));
            if (endpoint.apiKey() != null && !endpoint.apiKey().isBlank()) {
                request.header("Authorization", "Bearer " + endpoint.apiKey());
            }
            HttpResponse<String> response = http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                    .get(endpoint.timeout().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            if (response.statusCode() / 100 != 2) {
                log.warn("LLM endpoint answered HTTP {}; answering with the passage", response.statusCode());
                return Optional.empty();
            }
            return answer(response.body());
        } catch (java.util.concurrent.TimeoutException e) {
            log.warn("LLM endpoint did not answer within {}; answering with the passage", endpoint.timeout());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (RuntimeException | java.util.concurrent.ExecutionException e) {
            log.warn("LLM endpoint failed ({}); answering with the passage", e.toString());
            return Optional.empty();
        }
    }

    /** The first choice's message content, plain text, cut to {@value #MAX_ANSWER_CHARS} characters. */
    Optional<String> answer(String responseBody) {
        try {
            JsonNode content = json.readTree(responseBody).path("choices").path(0).path("message").path("content");
            if (!content.isString()) {
                return Optional.empty();
            }
            String text = content.asString().replaceAll("[\\p{Cntrl}&&[^\n\t]]", "").strip();
            if (text.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(text.length() <= MAX_ANSWER_CHARS ? text : text.substring(0, MAX_ANSWER_CHARS) + "…");
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Map<String, Object> body(BotConfiguration.LlmEndpoint endpoint, String question, List<Passage> passages,
            BotLanguage language) {
        StringBuilder context = new StringBuilder();
        for (int i = 0; i < passages.size(); i++) {
            Passage p = passages.get(i);
            context.append("[").append(i + 1).append("] ").append(p.title()).append("\n").append(p.text()).append("\n\n");
        }
        String system = "You are a customer-service assistant. Answer the customer's question using ONLY the numbered "
                + "knowledge-base passages below. If they do not answer it, say briefly that you are not sure. Do not invent "
                + "facts, prices, dates or promises. Answer in plain text, at most 5 sentences, in the language "
                + language.tag() + ".\n\nPassages:\n" + context;
        List<Map<String, String>> messages = new ArrayList<>();
        messages.add(Map.of("role", "system", "content", system));
        messages.add(Map.of("role", "user", "content", question));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", endpoint.model());
        body.put("messages", messages);
        body.put("temperature", 0.2);
        body.put("max_tokens", 400);
        return body;
    }
}
