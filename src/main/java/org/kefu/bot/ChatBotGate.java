package org.kefu.bot;

import org.kefu.channel.chat.ChatConversation;
import org.kefu.channel.chat.ChatSelfHelp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The bot in the chat's message flow: on a channel where it is on, it answers the visitor before the chat is
 * queued; when it hands over (or fails), the chat goes into the normal queue.
 */
@Component
class ChatBotGate implements ChatSelfHelp {

    private static final Logger log = LoggerFactory.getLogger(ChatBotGate.class);

    private final BotConfiguration configuration;
    private final SelfServiceBot bot;

    ChatBotGate(BotConfiguration configuration, SelfServiceBot bot) {
        this.configuration = configuration;
        this.bot = bot;
    }

    @Override
    public boolean answered(ChatConversation conversation, String text) {
        BotChannelRule rule = configuration.channelRule(conversation.channelId());
        if (!rule.enabled()) {
            return false;
        }
        try {
            BotSession session = bot.ofChat(conversation.id(), conversation.customerId(), conversation.ticketId(),
                    BotLanguage.ZH_CN);
            if (session.handedOff()) {
                return false;
            }
            return !bot.ask(session.id(), text, rule.vipSkips()).handedOff();
        } catch (RuntimeException e) {
            log.warn("the bot could not answer chat {}; it goes to the queue: {}", conversation.id(), e.toString());
            return false;
        }
    }
}
