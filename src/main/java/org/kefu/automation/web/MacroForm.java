package org.kefu.automation.web;

import java.util.Arrays;
import java.util.List;
import org.kefu.automation.Macro;
import org.kefu.automation.MacroInput;
import org.kefu.automation.MacroReplyMode;
import org.kefu.automation.TemplateScope;
import org.kefu.ticket.Priority;
import org.kefu.ticket.TicketStatus;

/** The macro editor's fields as typed; tags separated by commas (also ，), spaces or new lines. */
record MacroForm(String name, String nameZhTw, String nameEn, TemplateScope scope, Long teamId, Long departmentId,
        Long templateId, MacroReplyMode replyMode, TicketStatus setStatus, Priority setPriority, String addTags,
        String removeTags, Long assignDepartmentId, Long assignTeamId, Long assigneeId, Boolean assignToMe) {

    MacroInput input() {
        return new MacroInput(name, nameZhTw, nameEn, scope == null ? TemplateScope.PERSONAL : scope, teamId, departmentId,
                templateId, replyMode, setStatus, setPriority, tags(addTags), tags(removeTags), assignDepartmentId,
                assignTeamId, assigneeId, assignToMe);
    }

    static MacroForm blank() {
        return new MacroForm("", null, null, TemplateScope.PERSONAL, null, null, null, MacroReplyMode.NONE, null, null, null,
                null, null, null, null, false);
    }

    static MacroForm of(Macro m) {
        return new MacroForm(m.name(), m.nameZhTw(), m.nameEn(), m.sharing().scope(), m.sharing().teamId(),
                m.sharing().departmentId(), m.templateId(), m.replyMode(), m.setStatus(), m.setPriority(),
                String.join(", ", m.addTags()), String.join(", ", m.removeTags()), m.assignDepartmentId(), m.assignTeamId(),
                m.assigneeId(), m.assignToMe());
    }

    static List<String> tags(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("[,，、\\s]+")).filter(s -> !s.isBlank()).toList();
    }
}
