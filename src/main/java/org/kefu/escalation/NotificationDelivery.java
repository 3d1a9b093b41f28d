package org.kefu.escalation;

import java.util.Locale;
import org.kefu.agent.Agent;
import org.kefu.agent.AgentDirectory;
import org.kefu.platform.live.LiveUpdates;
import org.kefu.platform.mail.SystemMail;
import org.kefu.platform.web.PublicUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * After a notification is committed: pushes "notify" to the recipient's open pages (the bell
 * reloads) and, when asked, mails the text to the agent in their language.
 */
@Component
class NotificationDelivery {

    private static final Logger log = LoggerFactory.getLogger(NotificationDelivery.class);

    private final LiveUpdates live;
    private final SystemMail mail;
    private final AgentDirectory agents;
    private final MessageSource messages;
    private final PublicUrl publicUrl;
    private final boolean emailEnabled;

    NotificationDelivery(LiveUpdates live, SystemMail mail, AgentDirectory agents, MessageSource messages, PublicUrl publicUrl,
                         @Value("${kefu.notifications.email:true}") boolean emailEnabled) {
        this.live = live;
        this.mail = mail;
        this.agents = agents;
        this.messages = messages;
        this.publicUrl = publicUrl;
        this.emailEnabled = emailEnabled;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void deliver(Notifications.NotificationCreated created) {
        Notification n = created.notification();
        live.publishTo(n.recipientId(), "notify", "{\"id\":" + n.id() + "}");
        if (!created.email() || !emailEnabled) {
            return;
        }
        try {
            Agent agent = agents.get(n.recipientId());
            if (!agent.isActive()) {
                return;
            }
            Locale locale = Locale.forLanguageTag(agent.getLocale() == null ? "zh-CN" : agent.getLocale());
            String text = messages.getMessage(n.messageKey(), n.args().toArray(), n.messageKey(), locale);
            StringBuilder body = new StringBuilder(text).append("\n\n");
            if (n.ticketId() != null) {
                body.append(base()).append("/tickets/").append(n.ticketId()).append("\n");
            }
            body.append(base()).append("/notifications\n");
            String subject = messages.getMessage("escalation.mail.subject", new Object[] {oneLine(text)}, locale);
            mail.send(agent.getEmail(), subject, body.toString());
        } catch (RuntimeException e) {
            log.warn("Notification {} could not be mailed to agent {}", n.id(), n.recipientId(), e);
        }
    }

    private String base() {
        try {
            return publicUrl.get();
        } catch (RuntimeException noRequest) {
            return "";
        }
    }

    private static String oneLine(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() > 120 ? line.substring(0, 119) + "…" : line;
    }
}
