package org.kefu.bot.web;

import java.util.List;
import org.kefu.bot.BotReply;
import org.kefu.bot.ChatBot;
import org.kefu.platform.web.PublicUrl;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The bot's part of the chat widget's visitor API: public and cross-origin like the rest of {@code /chat/api/{key}}
 * (the channel's allowed origins, the visitor token in {@code X-Chat-Token}, no cookies).
 */
@RestController
@RequestMapping("/chat/api/{key}/bot")
class BotVisitorController {

    static final String TOKEN_HEADER = "X-Chat-Token";

    private final ChatBot bot;
    private final PublicUrl publicUrl;

    BotVisitorController(ChatBot bot, PublicUrl publicUrl) {
        this.bot = bot;
        this.publicUrl = publicUrl;
    }

    record HelloRequest(String language) {
    }

    record FeedbackRequest(Boolean helped) {
    }

    record StateView(boolean active, String language, List<TurnView> turns) {
    }

    record ReplyView(boolean handedOff, String reason, TurnView turn) {
    }

    @PostMapping("/hello")
    StateView hello(@PathVariable String key, @RequestHeader(name = TOKEN_HEADER, required = false) String token,
            @RequestBody(required = false) HelloRequest body) {
        return view(bot.hello(key, token, body == null ? null : body.language()));
    }

    @GetMapping("/turns")
    StateView turns(@PathVariable String key, @RequestHeader(name = TOKEN_HEADER, required = false) String token,
            @RequestParam(defaultValue = "0") long since) {
        return view(bot.turns(key, token, since));
    }

    @PostMapping("/turns/{turnId}/feedback")
    ReplyView feedback(@PathVariable String key, @PathVariable long turnId,
            @RequestHeader(name = TOKEN_HEADER, required = false) String token, @RequestBody(required = false) FeedbackRequest body) {
        if (body == null || body.helped() == null) {
            throw org.kefu.platform.InvalidRequestException.of("helped", "must be true or false");
        }
        return reply(bot.feedback(key, token, turnId, body.helped()));
    }

    @PostMapping("/person")
    ReplyView person(@PathVariable String key, @RequestHeader(name = TOKEN_HEADER, required = false) String token) {
        return reply(bot.person(key, token));
    }

    private StateView view(ChatBot.ChatBotState state) {
        String base = publicUrl.get();
        return new StateView(state.active(), state.language().tag(), state.turns().stream().map(t -> TurnView.of(t, base)).toList());
    }

    private ReplyView reply(BotReply reply) {
        return new ReplyView(reply.handedOff(), reply.handOff() == null ? null : reply.handOff().name(),
                reply.turn() == null ? null : TurnView.of(reply.turn(), publicUrl.get()));
    }
}
