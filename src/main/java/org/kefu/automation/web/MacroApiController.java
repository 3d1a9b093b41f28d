package org.kefu.automation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.kefu.automation.ApplyingMacros;
import org.kefu.automation.Macro;
import org.kefu.automation.MacroInput;
import org.kefu.automation.MacroReplyMode;
import org.kefu.automation.MacroResult;
import org.kefu.automation.ManagingMacros;
import org.kefu.automation.TemplateScope;
import org.kefu.platform.Actor;
import org.kefu.platform.PageLimit;
import org.kefu.platform.Slice;
import org.kefu.ticket.Priority;
import org.kefu.ticket.TicketStatus;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Macros", description = "A template reply plus field changes (status, tags, priority, assignment) applied to a ticket in one step")
class MacroApiController {

    private final ManagingMacros macros;
    private final ApplyingMacros applying;

    MacroApiController(ManagingMacros macros, ApplyingMacros applying) {
        this.macros = macros;
        this.applying = applying;
    }

    record MacroView(long id, String name, String nameZhTw, String nameEn, TemplateScope scope, Long ownerId, Long teamId,
            Long departmentId, Long templateId, MacroReplyMode replyMode, TicketStatus setStatus, Priority setPriority,
            List<String> addTags, List<String> removeTags, Long assignDepartmentId, Long assignTeamId, Long assigneeId,
            boolean assignToMe, long usageCount, long version) {

        static MacroView of(Macro m) {
            return new MacroView(m.id(), m.name(), m.nameZhTw(), m.nameEn(), m.sharing().scope(), m.sharing().ownerId(),
                    m.sharing().teamId(), m.sharing().departmentId(), m.templateId(), m.replyMode(), m.setStatus(),
                    m.setPriority(), m.addTags(), m.removeTags(), m.assignDepartmentId(), m.assignTeamId(), m.assigneeId(),
                    m.assignToMe(), m.usageCount(), m.version());
        }
    }

    record MacroRequest(String name, String nameZhTw, String nameEn, TemplateScope scope, Long teamId, Long departmentId,
            Long templateId, MacroReplyMode replyMode, TicketStatus setStatus, Priority setPriority, List<String> addTags,
            List<String> removeTags, Long assignDepartmentId, Long assignTeamId, Long assigneeId, Boolean assignToMe, Long version) {

        MacroInput input() {
            MacroInput input = new MacroInput(name, nameZhTw, nameEn, scope, teamId, departmentId, templateId, replyMode,
                    setStatus, setPriority, addTags, removeTags, assignDepartmentId, assignTeamId, assigneeId, assignToMe);
            ApiValidation.check(input);
            return input;
        }
    }

    record ApplyView(long macroId, long ticketId, Long entryId, String insertText, List<String> missing) {

        static ApplyView of(MacroResult r) {
            return new ApplyView(r.macroId(), r.ticketId(), r.entryId(), r.insertText(), r.missing());
        }
    }

    @GetMapping("/api/v1/macros")
    @Operation(summary = "Macros you may see, most used first; keyset paged")
    Slice<MacroView> list(@RequestParam(required = false) String q, @RequestParam(required = false) String cursor,
            @RequestParam(required = false) Integer limit, Actor actor) {
        return macros.list(actor, q, cursor, PageLimit.of(limit)).map(MacroView::of);
    }

    @GetMapping("/api/v1/macros/{id}")
    @Operation(summary = "One macro")
    MacroView get(@PathVariable long id, Actor actor) {
        return MacroView.of(macros.get(id, actor));
    }

    @PostMapping("/api/v1/macros")
    @Operation(summary = "Create a macro. replyMode NONE, INSERT (text returned for the composer), SEND (to the customer) or NOTE; "
            + "shared scopes need SUPERVISOR or ADMIN")
    ResponseEntity<MacroView> create(@RequestBody MacroRequest body, Actor actor) {
        MacroView view = MacroView.of(macros.create(body.input(), actor));
        return ResponseEntity.created(URI.create("/api/v1/macros/" + view.id())).body(view);
    }

    @PutMapping("/api/v1/macros/{id}")
    @Operation(summary = "Replace a macro; send the version you read (409 if it changed)")
    MacroView replace(@PathVariable long id, @RequestBody MacroRequest body, Actor actor) {
        return MacroView.of(macros.replace(id, body.input(), body.version(), actor));
    }

    @DeleteMapping("/api/v1/macros/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a macro")
    void delete(@PathVariable long id, Actor actor) {
        macros.delete(id, actor);
    }

    @PostMapping("/api/v1/tickets/{ticketId}/macros/{id}/apply")
    @Operation(summary = "Apply a macro to a ticket: its reply, then status, priority, tags and assignment, each on the "
            + "timeline with you as actor. All or nothing: an illegal status move answers 409, a reply with an unfilled "
            + "placeholder 422, and nothing is changed")
    ApplyView apply(@PathVariable long ticketId, @PathVariable long id, Actor actor, Locale locale) {
        return ApplyView.of(applying.apply(ticketId, id, actor, locale));
    }
}
