package org.kefu.bot;

import java.util.List;
import org.kefu.channel.chat.ChatConversation;
import org.kefu.channel.chat.ChatVisitors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The bot as the chat widget's visitor sees it, found by the channel key and the visitor's token like the rest of
 * the visitor API: whether it is on for this chat (greeting in the visitor's language), its turns, the verdict
 * buttons and "talk to a person". A hand-off from a verdict or the button puts the chat into the normal queue.
 */
@Service
@Transactional
public class ChatBot {

    static final int MAX_TURNS = 200;

    private final ChatVisitors visitors;
    private final BotConfiguration configuration;
    private final SelfServiceBot bot;

    ChatBot(ChatVisitors visitors, BotConfiguration configuration, SelfServiceBot bot) {
        this.visitors = visitors;
        this.configuration = configuration;
        this.bot = bot;
    }

    /** The bot's side of a chat: whether it still answers, and what it said. */
    public record ChatBotState(boolean active, BotLanguage language, List<BotTurn> turns) {
    }

    /** The widget opened (or reloaded) in this language. */
    public ChatBotState hello(String publicKey, String token, String languageTag) {
        ChatConversation c = visitors.conversation(publicKey, token);
        BotLanguage language = BotLanguage.of(languageTag);
        BotChannelRule rule = configuration.channelRule(c.channelId());
        if (!rule.enabled()) {
            return new ChatBotState(false, language, List.of());
        }
        BotSession session = bot.ofChat(c.id(), c.customerId(), c.ticketId(), language);
        bot.speak(session, language);
        boolean vip = rule.vipSkips() && bot.isVip(c.customerId(), c.visitorEmail());
        if (!vip && !session.handedOff() && waitingForBot(c)) {
            bot.greet(bot.session(session.id()));
        }
        return new ChatBotState(!vip && !session.handedOff() && waitingForBot(c), language,
                bot.turns(session.id(), 0, MAX_TURNS));
    }

    @Transactional(readOnly = true)
    public ChatBotState turns(String publicKey, String token, long afterTurnId) {
        ChatConversation c = visitors.conversation(publicKey, token);
        return bot.chatSession(c.id())
                .map(s -> new ChatBotState(!s.handedOff() && waitingForBot(c), s.language(),
                        bot.turns(s.id(), afterTurnId, MAX_TURNS)))
                .orElseGet(() -> new ChatBotState(false, BotLanguage.ZH_CN, List.of()));
    }

    public BotReply feedback(String publicKey, String token, long turnId, boolean helped) {
        ChatConversation c = visitors.conversation(publicKey, token);
        BotSession session = bot.chatSession(c.id()).orElseThrow(() -> new org.kefu.platform.NotFoundException("Bot answer",
                turnId));
        BotReply reply = bot.feedback(session.id(), turnId, helped);
        if (reply.handedOff()) {
            visitors.handToAgents(c.id());
        }
        return reply;
    }

    public BotReply person(String publicKey, String token) {
        ChatConversation c = visitors.conversation(publicKey, token);
        BotSession session = bot.ofChat(c.id(), c.customerId(), c.ticketId(), BotLanguage.ZH_CN);
        BotReply reply = bot.requestPerson(session.id());
        visitors.handToAgents(c.id());
        return reply;
    }

    private static boolean waitingForBot(ChatConversation c) {
        return c.state() == ChatConversation.State.NEW || c.state() == ChatConversation.State.ENDED;
    }
}
