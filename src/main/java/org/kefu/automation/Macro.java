package org.kefu.automation;

import java.util.List;
import java.util.Locale;
import org.kefu.ticket.Priority;
import org.kefu.ticket.TicketStatus;

/** A named set of actions applied to a ticket in one step: a template reply, then field changes. */
public record Macro(long id, String name, String nameZhTw, String nameEn, Sharing sharing, Long templateId,
        MacroReplyMode replyMode, TicketStatus setStatus, Priority setPriority, List<String> addTags, List<String> removeTags,
        Long assignDepartmentId, Long assignTeamId, Long assigneeId, boolean assignToMe, long usageCount, long version) {

    public Macro {
        addTags = addTags == null ? List.of() : List.copyOf(addTags);
        removeTags = removeTags == null ? List.of() : List.copyOf(removeTags);
    }

    public String displayName(Locale locale) {
        return switch (TemplateLanguage.of(locale)) {
            case ZH_TW -> nameZhTw != null && !nameZhTw.isBlank() ? nameZhTw : name;
            case EN -> nameEn != null && !nameEn.isBlank() ? nameEn : name;
            case ZH_CN -> name;
        };
    }

    public boolean assigns() {
        return assignDepartmentId != null || assignTeamId != null || assigneeId != null || assignToMe;
    }

    public boolean replies() {
        return templateId != null && replyMode != MacroReplyMode.NONE;
    }
}
