package org.kefu.automation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import org.kefu.platform.InvalidRequestException;
import org.kefu.platform.InvalidRequestException.FieldProblem;
import org.kefu.ticket.Priority;
import org.kefu.ticket.TicketStatus;

/** A macro as created or replaced through the page or the API. */
public record MacroInput(
        @NotBlank @Size(max = 100) String name,
        @Size(max = 100) String nameZhTw,
        @Size(max = 100) String nameEn,
        @NotNull TemplateScope scope,
        Long teamId,
        Long departmentId,
        Long templateId,
        MacroReplyMode replyMode,
        TicketStatus setStatus,
        Priority setPriority,
        @Size(max = 20) List<@Size(max = 50) String> addTags,
        @Size(max = 20) List<@Size(max = 50) String> removeTags,
        Long assignDepartmentId,
        Long assignTeamId,
        Long assigneeId,
        Boolean assignToMe) {

    public MacroInput {
        replyMode = replyMode == null ? MacroReplyMode.NONE : replyMode;
        addTags = clean(addTags);
        removeTags = clean(removeTags);
        assignToMe = Boolean.TRUE.equals(assignToMe);
    }

    private static List<String> clean(List<String> tags) {
        return tags == null ? List.of() : tags.stream().filter(t -> t != null && !t.isBlank()).map(String::strip).distinct().toList();
    }

    void check() {
        List<FieldProblem> problems = new ArrayList<>();
        if (replyMode != MacroReplyMode.NONE && templateId == null) {
            problems.add(new FieldProblem("templateId", "a macro that replies needs a template"));
        }
        if (scope == TemplateScope.TEAM && teamId == null) {
            problems.add(new FieldProblem("teamId", "a team macro needs a team"));
        }
        if (scope == TemplateScope.DEPARTMENT && departmentId == null) {
            problems.add(new FieldProblem("departmentId", "a department macro needs a department"));
        }
        if (assigneeId != null && assignToMe) {
            problems.add(new FieldProblem("assigneeId", "choose an assignee or 'assign to me', not both"));
        }
        boolean acts = replyMode != MacroReplyMode.NONE || setStatus != null || setPriority != null || !addTags.isEmpty()
                || !removeTags.isEmpty() || assignDepartmentId != null || assignTeamId != null || assigneeId != null || assignToMe;
        if (!acts) {
            problems.add(new FieldProblem("replyMode", "a macro must do at least one thing"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
    }
}
