package org.kefu.bot;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.kefu.channel.chat.ChatChannel;
import org.kefu.channel.chat.ChatChannels;
import org.kefu.platform.Actor;
import org.kefu.platform.InvalidRequestException;
import org.kefu.platform.NotFoundException;
import org.kefu.platform.Role;
import org.kefu.platform.security.SecretBox;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The bot's settings (threshold, greetings, hand-off keywords, the optional LLM endpoint) and its rule per chat
 * channel. An LLM endpoint stored here wins over {@code kefu.bot.llm.*}; a stored key is sealed with {@link SecretBox}.
 */
@Service
@Transactional
public class BotConfiguration {

    static final int MAX_GREETING = 1000;
    static final int MAX_TIMEOUT_MS = 30_000;

    /** Where and how to call the LLM; {@code apiKey} may be empty for a local server. */
    record LlmEndpoint(URI baseUrl, String apiKey, String model, Duration timeout) {
    }

    private final JdbcClient jdbc;
    private final ChatChannels channels;
    private final SecretBox secrets;
    private final Clock clock;
    private final String configuredUrl;
    private final String configuredKey;
    private final String configuredModel;
    private final Duration configuredTimeout;

    BotConfiguration(JdbcClient jdbc, ChatChannels channels, SecretBox secrets, Clock clock,
            @Value("${kefu.bot.llm.base-url:}") String configuredUrl, @Value("${kefu.bot.llm.api-key:}") String configuredKey,
            @Value("${kefu.bot.llm.model:gpt-4o-mini}") String configuredModel,
            @Value("${kefu.bot.llm.timeout:3s}") Duration configuredTimeout) {
        this.jdbc = jdbc;
        this.channels = channels;
        this.secrets = secrets;
        this.clock = clock;
        this.configuredUrl = configuredUrl.strip();
        this.configuredKey = configuredKey.strip();
        this.configuredModel = configuredModel.strip();
        this.configuredTimeout = configuredTimeout;
    }

    @Transactional(readOnly = true)
    public BotSettings settings() {
        return jdbc.sql("select * from bot_setting where id = 1").query(this::row).single();
    }

    public BotSettings update(BotSettingsInput in, Actor actor) {
        actor.requireRole(Role.ADMIN);
        BotSettings now = settings();
        double threshold = now.confidenceThreshold();
        if (in.confidenceThreshold() != null) {
            if (!(in.confidenceThreshold() >= 0 && in.confidenceThreshold() <= 1)) {
                throw InvalidRequestException.of("confidenceThreshold", "must be between 0 and 1");
            }
            threshold = in.confidenceThreshold();
        }
        String keywords = in.handOffKeywords() == null ? String.join("\n", now.handOffKeywords())
                : String.join("\n", PersonRequests.parse(in.handOffKeywords()));
        if (keywords.length() > 4000) {
            throw InvalidRequestException.of("handOffKeywords", "at most 4000 characters");
        }
        String url = in.llmBaseUrl() == null ? now.llmBaseUrl() : url(in.llmBaseUrl());
        String model = in.llmModel() == null ? now.llmModel() : text(in.llmModel(), "llmModel", 100);
        Integer timeout = in.llmTimeoutMs() == null ? now.llmTimeoutMs() : in.llmTimeoutMs();
        if (timeout != null && (timeout < 100 || timeout > MAX_TIMEOUT_MS)) {
            throw InvalidRequestException.of("llmTimeoutMs", "must be between 100 and " + MAX_TIMEOUT_MS);
        }
        String sealedKey = jdbc.sql("select llm_api_key from bot_setting where id = 1").query(String.class).optional()
                .orElse(null);
        if (in.llmApiKey() != null && !in.llmApiKey().isBlank()) {
            sealedKey = in.llmApiKey().strip().equals("-") ? null : secrets.encrypt(text(in.llmApiKey(), "llmApiKey", 500));
        }
        jdbc.sql("""
                update bot_setting set confidence_threshold = ?, greeting_zh_cn = ?, greeting_zh_tw = ?, greeting_en = ?,
                    handoff_keywords = ?, llm_enabled = ?, llm_base_url = ?, llm_api_key = ?, llm_model = ?,
                    llm_timeout_ms = ?, updated_at = ? where id = 1""")
                .params(threshold, greeting(in.greetingZhCn(), now, BotLanguage.ZH_CN, "greetingZhCn"),
                        greeting(in.greetingZhTw(), now, BotLanguage.ZH_TW, "greetingZhTw"),
                        greeting(in.greetingEn(), now, BotLanguage.EN, "greetingEn"),
                        keywords.isBlank() ? null : keywords, in.llmEnabled() == null ? now.llmEnabled() : in.llmEnabled(),
                        url, sealedKey, model, timeout, Timestamp.from(clock.instant()))
                .update();
        return settings();
    }

    /** Every chat channel with the bot's rule for it (off until an admin turns it on). */
    @Transactional(readOnly = true)
    public List<BotChannelRule> channelRules() {
        Map<Long, boolean[]> rules = jdbc.sql("select channel_id, enabled, vip_skips from bot_chat_channel")
                .query((rs, n) -> Map.entry(rs.getLong(1), new boolean[] {rs.getBoolean(2), rs.getBoolean(3)})).list()
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        return channels.list().stream().map(c -> {
            boolean[] r = rules.getOrDefault(c.id(), new boolean[] {false, true});
            return new BotChannelRule(c.id(), c.name(), r[0], r[1]);
        }).toList();
    }

    /** The rule of one chat channel; a channel no admin configured has the bot off and VIPs skipping it. */
    @Transactional(readOnly = true)
    public BotChannelRule channelRule(long channelId) {
        return jdbc.sql("select enabled, vip_skips from bot_chat_channel where channel_id = ?").param(channelId)
                .query((rs, n) -> new BotChannelRule(channelId, null, rs.getBoolean(1), rs.getBoolean(2))).optional()
                .orElse(new BotChannelRule(channelId, null, false, true));
    }

    public BotChannelRule setChannelRule(long channelId, boolean enabled, boolean vipSkips, Actor actor) {
        actor.requireRole(Role.ADMIN);
        ChatChannel channel;
        try {
            channel = channels.get(channelId);
        } catch (NotFoundException e) {
            throw new NotFoundException("Chat channel", channelId);
        }
        Timestamp now = Timestamp.from(clock.instant());
        int changed = jdbc.sql("update bot_chat_channel set enabled = ?, vip_skips = ?, updated_at = ? where channel_id = ?")
                .params(enabled, vipSkips, now, channelId).update();
        if (changed == 0) {
            jdbc.sql("insert into bot_chat_channel (channel_id, enabled, vip_skips, updated_at) values (?, ?, ?, ?)")
                    .params(channelId, enabled, vipSkips, now).update();
        }
        return new BotChannelRule(channelId, channel.name(), enabled, vipSkips);
    }

    /** The LLM endpoint to phrase answers with, when it is switched on and a base URL is set. */
    @Transactional(readOnly = true)
    Optional<LlmEndpoint> llm() {
        return jdbc.sql("select llm_enabled, llm_base_url, llm_api_key, llm_model, llm_timeout_ms from bot_setting where id = 1")
                .query((rs, n) -> {
                    if (!rs.getBoolean("llm_enabled")) {
                        return Optional.<LlmEndpoint>empty();
                    }
                    String url = or(rs.getString("llm_base_url"), configuredUrl);
                    if (url.isBlank()) {
                        return Optional.<LlmEndpoint>empty();
                    }
                    String sealed = rs.getString("llm_api_key");
                    String key = sealed != null ? secrets.decrypt(sealed) : configuredKey;
                    int ms = rs.getInt("llm_timeout_ms");
                    Duration timeout = rs.wasNull() ? configuredTimeout : Duration.ofMillis(ms);
                    return Optional.of(new LlmEndpoint(URI.create(url.replaceAll("/+$", "")), key,
                            or(rs.getString("llm_model"), configuredModel), timeout));
                }).single();
    }

    private BotSettings row(ResultSet rs, int n) throws SQLException {
        Map<BotLanguage, String> greetings = new EnumMap<>(BotLanguage.class);
        put(greetings, BotLanguage.ZH_CN, rs.getString("greeting_zh_cn"));
        put(greetings, BotLanguage.ZH_TW, rs.getString("greeting_zh_tw"));
        put(greetings, BotLanguage.EN, rs.getString("greeting_en"));
        int ms = rs.getInt("llm_timeout_ms");
        Integer timeout = rs.wasNull() ? null : ms;
        String url = rs.getString("llm_base_url");
        java.time.OffsetDateTime updated = rs.getObject("updated_at", java.time.OffsetDateTime.class);
        return new BotSettings(rs.getDouble("confidence_threshold"), greetings,
                PersonRequests.parse(rs.getString("handoff_keywords")), rs.getBoolean("llm_enabled"), url,
                rs.getString("llm_api_key") != null, rs.getString("llm_model"), timeout,
                !or(url, configuredUrl).isBlank(), updated == null ? null : updated.toInstant());
    }

    private static void put(Map<BotLanguage, String> map, BotLanguage language, String value) {
        if (value != null && !value.isBlank()) {
            map.put(language, value);
        }
    }

    private static String greeting(String given, BotSettings now, BotLanguage language, String field) {
        if (given == null) {
            return now.greetings().get(language);
        }
        return text(given, field, MAX_GREETING);
    }

    private static String url(String given) {
        String clean = given.strip();
        if (clean.isEmpty()) {
            return null;
        }
        if (clean.length() > 500 || !clean.matches("^https?://[^\\s]+$")) {
            throw InvalidRequestException.of("llmBaseUrl", "must be an http(s) URL like https://api.example.com/v1");
        }
        return clean;
    }

    private static String text(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String clean = value.strip();
        if (clean.length() > max) {
            throw InvalidRequestException.of(field, "at most " + max + " characters");
        }
        return clean;
    }

    private static String or(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
