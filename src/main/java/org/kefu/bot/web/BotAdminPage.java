package org.kefu.bot.web;

import org.kefu.bot.BotConfiguration;
import org.kefu.bot.BotLanguage;
import org.kefu.bot.BotSettings;
import org.kefu.bot.BotSettingsInput;
import org.kefu.platform.Actor;
import org.kefu.platform.InvalidRequestException;
import org.kefu.platform.NotFoundException;
import org.kefu.platform.Role;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin → 智能客服: threshold, greetings, hand-off keywords, the LLM connector, and the bot per chat channel. ADMIN only. */
@Controller
class BotAdminPage {

    private final BotConfiguration configuration;

    BotAdminPage(BotConfiguration configuration) {
        this.configuration = configuration;
    }

    @GetMapping("/admin/bot")
    String page(Actor actor, Model model) {
        actor.requireRole(Role.ADMIN);
        BotSettings settings = configuration.settings();
        model.addAttribute("navSection", "admin");
        model.addAttribute("settings", settings);
        model.addAttribute("greetingZhCn", settings.greeting(BotLanguage.ZH_CN));
        model.addAttribute("greetingZhTw", settings.greeting(BotLanguage.ZH_TW));
        model.addAttribute("greetingEn", settings.greeting(BotLanguage.EN));
        model.addAttribute("keywords", String.join("\n", settings.effectiveHandOffKeywords()));
        model.addAttribute("rules", configuration.channelRules());
        return "bot/admin";
    }

    @PostMapping("/admin/bot")
    String save(Actor actor, @RequestParam(required = false) String confidenceThreshold,
            @RequestParam(required = false) String greetingZhCn, @RequestParam(required = false) String greetingZhTw,
            @RequestParam(required = false) String greetingEn, @RequestParam(required = false) String handOffKeywords,
            @RequestParam(defaultValue = "false") boolean llmEnabled, @RequestParam(required = false) String llmBaseUrl,
            @RequestParam(required = false) String llmApiKey, @RequestParam(required = false) String llmModel,
            @RequestParam(required = false) String llmTimeoutMs, RedirectAttributes redirect) {
        try {
            configuration.update(new BotSettingsInput(number(confidenceThreshold, "confidenceThreshold"),
                    nullToEmpty(greetingZhCn), nullToEmpty(greetingZhTw), nullToEmpty(greetingEn), nullToEmpty(handOffKeywords),
                    llmEnabled, nullToEmpty(llmBaseUrl), llmApiKey, nullToEmpty(llmModel), integer(llmTimeoutMs)), actor);
            redirect.addFlashAttribute("saved", true);
        } catch (InvalidRequestException e) {
            redirect.addFlashAttribute("problems", e.problems());
        }
        return "redirect:/admin/bot";
    }

    @PostMapping("/admin/bot/channels/{channelId}")
    String channel(@PathVariable long channelId, Actor actor, @RequestParam(defaultValue = "false") boolean enabled,
            @RequestParam(defaultValue = "false") boolean vipSkips, RedirectAttributes redirect) {
        try {
            configuration.setChannelRule(channelId, enabled, vipSkips, actor);
            redirect.addFlashAttribute("saved", true);
        } catch (NotFoundException e) {
            redirect.addFlashAttribute("problems", java.util.List.of(new InvalidRequestException.FieldProblem("channelId",
                    e.getMessage())));
        }
        return "redirect:/admin/bot";
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static Double number(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Double.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw InvalidRequestException.of(field, "'" + text + "' is not a number");
        }
    }

    private static Integer integer(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw InvalidRequestException.of("llmTimeoutMs", "'" + text + "' is not a whole number");
        }
    }
}
