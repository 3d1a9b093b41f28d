package org.kefu.bot.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.kefu.bot.BotChannelRule;
import org.kefu.bot.BotConfiguration;
import org.kefu.bot.BotLanguage;
import org.kefu.bot.BotReply;
import org.kefu.bot.BotReports;
import org.kefu.bot.BotSession;
import org.kefu.bot.BotSettings;
import org.kefu.bot.BotSettingsInput;
import org.kefu.bot.HandOffReason;
import org.kefu.bot.SelfServiceBot;
import org.kefu.platform.Actor;
import org.kefu.platform.InvalidRequestException;
import org.kefu.platform.NotFoundException;
import org.kefu.platform.PageLimit;
import org.kefu.platform.Role;
import org.kefu.platform.Slice;
import org.kefu.platform.web.PublicUrl;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/bot")
@Tag(name = "Self-service bot", description = "智能客服: settings, asking the bot from other channels and apps, reports")
class BotApiController {

    private final BotConfiguration configuration;
    private final SelfServiceBot bot;
    private final BotReports reports;
    private final PublicUrl publicUrl;

    BotApiController(BotConfiguration configuration, SelfServiceBot bot, BotReports reports, PublicUrl publicUrl) {
        this.configuration = configuration;
        this.bot = bot;
        this.reports = reports;
        this.publicUrl = publicUrl;
    }

    record SettingsView(double confidenceThreshold, Map<String, String> greetings, List<String> handOffKeywords,
            List<String> effectiveHandOffKeywords, boolean llmEnabled, String llmBaseUrl, boolean llmKeySet, String llmModel,
            Integer llmTimeoutMs, boolean llmConfigured, Instant updatedAt) {

        static SettingsView of(BotSettings s) {
            Map<String, String> greetings = new java.util.LinkedHashMap<>();
            for (BotLanguage l : BotLanguage.values()) {
                greetings.put(l.tag(), s.greeting(l));
            }
            return new SettingsView(s.confidenceThreshold(), greetings, s.handOffKeywords(), s.effectiveHandOffKeywords(),
                    s.llmEnabled(), s.llmBaseUrl(), s.llmKeySet(), s.llmModel(), s.llmTimeoutMs(), s.llmConfigured(),
                    s.updatedAt());
        }
    }

    record ChannelRuleRequest(Boolean enabled, Boolean vipSkips) {
    }

    record AskRequest(String question, String language, Long customerId, Long sessionId) {
    }

    record AskView(long sessionId, String language, boolean handedOff, String reason, TurnView turn) {
    }

    record FeedbackRequest(Boolean helped) {
    }

    // ---- settings ---------------------------------------------------------------------------------------------

    @GetMapping("/settings")
    @Operation(summary = "The bot's settings (admin); the LLM key is never shown, only whether one is stored")
    SettingsView settings(Actor actor) {
        actor.requireRole(Role.ADMIN);
        return SettingsView.of(configuration.settings());
    }

    @PatchMapping("/settings")
    @Operation(summary = "Change the bot's settings (admin); absent fields stay as they are")
    SettingsView update(@RequestBody BotSettingsInput input, Actor actor) {
        return SettingsView.of(configuration.update(input, actor));
    }

    @GetMapping("/channels")
    @Operation(summary = "Every chat channel with the bot's rule for it (admin)")
    List<BotChannelRule> channels(Actor actor) {
        actor.requireRole(Role.ADMIN);
        return configuration.channelRules();
    }

    @PutMapping("/channels/{channelId}")
    @Operation(summary = "Turn the bot on or off for a chat channel and set whether VIP customers skip it (admin)")
    BotChannelRule channel(@PathVariable long channelId, @RequestBody ChannelRuleRequest body, Actor actor) {
        if (body == null || body.enabled() == null) {
            throw InvalidRequestException.of("enabled", "must be true or false");
        }
        return configuration.setChannelRule(channelId, body.enabled(), body.vipSkips() == null || body.vipSkips(), actor);
    }

    // ---- asking -----------------------------------------------------------------------------------------------

    @PostMapping("/ask")
    @Operation(summary = "Ask the bot (for other channels and apps)",
            description = "Answers from the published knowledge base in the given language (zh-CN, zh-TW, en), or hands "
                    + "over (handedOff with a reason): asked for a person, low confidence, anger, a VIP customer, a repeated "
                    + "question. Pass the returned sessionId with the next question so repeats are recognised.")
    AskView ask(@RequestBody AskRequest body, Actor actor) {
        if (body == null) {
            throw InvalidRequestException.of("question", "must not be blank");
        }
        BotSession session;
        if (body.sessionId() != null) {
            session = bot.session(body.sessionId());
            if (session.source() != BotSession.Source.API) {
                throw new NotFoundException("Bot session", body.sessionId());
            }
            if (session.handedOff()) {
                throw InvalidRequestException.of("sessionId", "session " + session.id() + " was handed to a person; start a new one");
            }
        } else {
            if (body.language() != null && body.language().length() > 35) {
                throw InvalidRequestException.of("language", "is not a language tag");
            }
            session = bot.open(BotSession.Source.API, body.customerId(), BotLanguage.of(body.language()));
        }
        if (body.question() == null || body.question().isBlank()) {
            throw InvalidRequestException.of("question", "must not be blank");
        }
        BotReply reply = bot.ask(session.id(), body.question(), true);
        return view(reply);
    }

    @PostMapping("/sessions/{sessionId}/turns/{turnId}/feedback")
    @Operation(summary = "Say whether an answer helped; two 'not helped' in a row hand the session over")
    AskView feedback(@PathVariable long sessionId, @PathVariable long turnId, @RequestBody FeedbackRequest body, Actor actor) {
        if (body == null || body.helped() == null) {
            throw InvalidRequestException.of("helped", "must be true or false");
        }
        if (bot.session(sessionId).source() != BotSession.Source.API) {
            throw new NotFoundException("Bot session", sessionId);
        }
        return view(bot.feedback(sessionId, turnId, body.helped()));
    }

    // ---- reports ----------------------------------------------------------------------------------------------

    @GetMapping("/reports/summary")
    @Operation(summary = "Questions asked and answered, helped rate, hand-offs by reason over a period (supervisors)")
    BotReports.Summary summary(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Actor actor) {
        return reports.summary(reports.period(from, to), actor);
    }

    @GetMapping("/reports/gaps")
    @Operation(summary = "Questions with no good article, normalised and grouped, most asked first (supervisors)")
    List<BotReports.Gap> gaps(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @Parameter(description = "1 to 200, default 50") @RequestParam(required = false) Integer limit, Actor actor) {
        return reports.gaps(reports.period(from, to), limit == null ? 50 : limit, actor);
    }

    @GetMapping("/reports/handoffs")
    @Operation(summary = "Hand-offs of a period, newest first, optionally of one reason; keyset pages (supervisors)")
    Slice<BotReports.HandOff> handOffs(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String reason, @RequestParam(required = false) String cursor,
            @RequestParam(required = false) Integer limit, Actor actor) {
        return reports.handOffs(reports.period(from, to), reason(reason), cursor, PageLimit.of(limit), actor);
    }

    static HandOffReason reason(String reason) {
        if (reason == null || reason.isBlank()) {
            return null;
        }
        try {
            return HandOffReason.valueOf(reason.strip());
        } catch (IllegalArgumentException e) {
            throw InvalidRequestException.of("reason", "must be one of " + java.util.Arrays.toString(HandOffReason.values()));
        }
    }

    private AskView view(BotReply reply) {
        BotSession s = reply.session();
        return new AskView(s.id(), s.language().tag(), reply.handedOff(), reply.handOff() == null ? null : reply.handOff().name(),
                reply.turn() == null ? null : TurnView.of(reply.turn(), publicUrl.get()));
    }
}
