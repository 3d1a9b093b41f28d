package org.kefu.automation;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.kefu.platform.Actor;
import org.kefu.platform.ConflictException;
import org.kefu.platform.Cursor;
import org.kefu.platform.ForbiddenException;
import org.kefu.platform.InvalidRequestException;
import org.kefu.platform.NotFoundException;
import org.kefu.platform.Slice;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating, changing and listing macros, with the same sharing rules as templates. */
@Service
@Transactional
public class ManagingMacros {

    private final Macros macros;
    private final ManagingTemplates templates;
    private final Clock clock;

    ManagingMacros(Macros macros, ManagingTemplates templates, Clock clock) {
        this.macros = macros;
        this.templates = templates;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Macro get(long id, Actor actor) {
        return macros.find(id).filter(m -> m.sharing().canSee(actor)).orElseThrow(() -> new NotFoundException("Macro", id));
    }

    @Transactional(readOnly = true)
    public Slice<Macro> list(Actor actor, String q, String cursor, int limit) {
        Cursor after = cursor == null || cursor.isBlank() ? null : Cursor.decode(cursor, ManagingTemplates.SORT);
        Long afterUses;
        try {
            afterUses = after == null ? null : Long.parseLong(after.value());
        } catch (NumberFormatException | NullPointerException e) {
            throw InvalidRequestException.of("cursor", "is not a cursor returned by this list");
        }
        List<Macro> rows = macros.visible(actor, q, afterUses, after == null ? null : after.id(), limit + 1, false);
        return Slice.fromOverfetch(rows, limit, m -> new Cursor(ManagingTemplates.SORT, String.valueOf(m.usageCount()), m.id()));
    }

    /** For the ticket page's menu: the agent's most used first. */
    @Transactional(readOnly = true)
    public List<Macro> menu(Actor actor, int limit) {
        return macros.visible(actor, null, null, null, limit, true);
    }

    public Macro create(MacroInput input, Actor actor) {
        checked(input, actor);
        long id = macros.insert(input, input.scope() == TemplateScope.PERSONAL ? actor.id() : null, clock.instant());
        return macros.find(id).orElseThrow();
    }

    public Macro replace(long id, MacroInput input, Long expectedVersion, Actor actor) {
        Macro current = managed(id, actor);
        checked(input, actor);
        Long owner = input.scope() != TemplateScope.PERSONAL ? null
                : current.sharing().scope() == TemplateScope.PERSONAL ? current.sharing().ownerId() : actor.id();
        if (!macros.update(id, input, owner, expectedVersion == null ? current.version() : expectedVersion, clock.instant())) {
            throw new ConflictException("Macro " + id + " was changed by someone else; reload it and try again.",
                    Map.of("currentVersion", current.version()));
        }
        return macros.find(id).orElseThrow();
    }

    public void delete(long id, Actor actor) {
        managed(id, actor);
        macros.delete(id);
    }

    private void checked(MacroInput input, Actor actor) {
        input.check();
        ManagingTemplates.requireMayShare(input.scope(), input.teamId(), input.departmentId(), actor);
        if (input.templateId() != null) {
            try {
                ReplyTemplate t = templates.get(input.templateId(), actor);
                if (input.scope() != TemplateScope.PERSONAL && t.scope() == TemplateScope.PERSONAL) {
                    throw InvalidRequestException.of("templateId", "a shared macro cannot use a personal template");
                }
            } catch (NotFoundException e) {
                throw InvalidRequestException.of("templateId", "no template " + input.templateId());
            }
        }
    }

    private Macro managed(long id, Actor actor) {
        Macro m = get(id, actor);
        if (!m.sharing().canManage(actor)) {
            throw new ForbiddenException("Only supervisors and admins change shared macros.");
        }
        return m;
    }
}
