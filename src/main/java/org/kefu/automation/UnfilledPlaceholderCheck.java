package org.kefu.automation;

import org.kefu.platform.UnprocessableException;
import org.kefu.ticket.OutgoingReplyCheck;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Refuses a reply to a customer that still holds a template placeholder (【客户姓名?】) or "{{". */
@Component
class UnfilledPlaceholderCheck implements OutgoingReplyCheck {

    private final MessageSource messages;

    UnfilledPlaceholderCheck(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public void check(String body) {
        String first = Placeholders.first(body);
        if (first != null) {
            throw new UnprocessableException(messages.getMessage("automation.reply.unfilled", new Object[] {first},
                    "The reply still contains " + first + ": fill it in or remove it before sending.",
                    LocaleContextHolder.getLocale()));
        }
    }
}
