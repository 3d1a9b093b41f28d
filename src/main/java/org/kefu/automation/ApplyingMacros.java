package org.kefu.automation;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.kefu.platform.Actor;
import org.kefu.ticket.Ticket;
import org.kefu.ticket.TicketChanges;
import org.kefu.ticket.TicketWork;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies a macro to a ticket through the ticket module's {@link TicketWork}, so each change is on
 * the timeline with the agent as actor and follows the usual rules. One transaction: if any step is
 * refused (an illegal status move, a reply with an unfilled placeholder), nothing is kept.
 */
@Service
@Transactional
public class ApplyingMacros {

    private final ManagingMacros macros;
    private final Macros stored;
    private final Templates templates;
    private final RenderingTemplates rendering;
    private final TicketWork work;
    private final Clock clock;

    ApplyingMacros(ManagingMacros macros, Macros stored, Templates templates, RenderingTemplates rendering, TicketWork work,
            Clock clock) {
        this.macros = macros;
        this.stored = stored;
        this.templates = templates;
        this.rendering = rendering;
        this.work = work;
        this.clock = clock;
    }

    public MacroResult apply(long ticketId, long macroId, Actor actor, Locale ui) {
        Macro macro = macros.get(macroId, actor);
        work.get(ticketId, actor);
        Long entryId = null;
        String insert = null;
        List<String> missing = List.of();
        if (macro.replies()) {
            RenderedTemplate reply = rendering.render(ticketId, macro.templateId(), null, actor, ui);
            missing = reply.missing();
            switch (macro.replyMode()) {
                case SEND -> entryId = work.postMessage(ticketId, reply.text(), false, actor).getId();
                case NOTE -> entryId = work.addNote(ticketId, reply.text(), actor).getId();
                case INSERT -> insert = reply.text();
                case NONE -> { }
            }
            templates.countUse(macro.templateId(), actor.id(), clock.instant());
        }
        if (macro.setStatus() != null && work.get(ticketId, actor).getStatus() != macro.setStatus()) {
            work.changeStatus(ticketId, macro.setStatus(), actor);
        }
        if (macro.setPriority() != null && work.get(ticketId, actor).getPriority() != macro.setPriority()) {
            work.update(ticketId, new TicketChanges(null, macro.setPriority(), null, null, null, null, null, null, null, null), actor);
        }
        if (!macro.addTags().isEmpty()) {
            work.addTags(ticketId, macro.addTags(), actor);
        }
        for (String tag : macro.removeTags()) {
            if (work.get(ticketId, actor).getTags().contains(tag)) {
                work.removeTag(ticketId, tag, actor);
            }
        }
        if (macro.assigns()) {
            assign(ticketId, macro, actor);
        }
        stored.countUse(macroId, actor.id(), clock.instant());
        return new MacroResult(macroId, ticketId, entryId, insert, missing);
    }

    private void assign(long ticketId, Macro macro, Actor actor) {
        Ticket t = work.get(ticketId, actor);
        Long department = macro.assignDepartmentId();
        boolean movesDepartment = department != null && department != t.getDepartmentId();
        Long team = macro.assignTeamId() != null ? macro.assignTeamId() : movesDepartment ? null : t.getTeamId();
        boolean movesTeam = !Objects.equals(team, t.getTeamId());
        Long assignee = macro.assignToMe() ? Long.valueOf(actor.id())
                : macro.assigneeId() != null ? macro.assigneeId() : movesDepartment || movesTeam ? null : t.getAssigneeId();
        work.assign(ticketId, department, team, assignee, actor);
    }
}
