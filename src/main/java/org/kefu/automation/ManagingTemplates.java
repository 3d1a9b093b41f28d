package org.kefu.automation;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.kefu.platform.Actor;
import org.kefu.platform.ConflictException;
import org.kefu.platform.Cursor;
import org.kefu.platform.ForbiddenException;
import org.kefu.platform.NotFoundException;
import org.kefu.platform.Role;
import org.kefu.platform.Slice;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating, changing and listing reply templates. Anyone writes personal templates; shared ones are
 * for supervisors (of that team or department) and admins. A template the actor may not see is "not found".
 */
@Service
@Transactional
public class ManagingTemplates {

    static final String SORT = "usage";

    private final Templates templates;
    private final Clock clock;

    ManagingTemplates(Templates templates, Clock clock) {
        this.templates = templates;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public ReplyTemplate get(long id, Actor actor) {
        return templates.find(id).filter(t -> t.sharing().canSee(actor))
                .orElseThrow(() -> new NotFoundException("Template", id));
    }

    /** One page, most used first; {@code cursor} from the previous page. */
    @Transactional(readOnly = true)
    public Slice<ReplyTemplate> list(Actor actor, TemplateFilter filter, String cursor, int limit) {
        Cursor after = cursor == null || cursor.isBlank() ? null : Cursor.decode(cursor, SORT);
        Long afterUses = after == null ? null : parseLong(after.value());
        List<ReplyTemplate> rows = templates.visible(actor, filter, afterUses, after == null ? null : after.id(), limit + 1, false);
        return Slice.fromOverfetch(rows, limit, t -> new Cursor(SORT, String.valueOf(t.usageCount()), t.id()));
    }

    /** For the composer's picker: what the agent uses most comes first. */
    @Transactional(readOnly = true)
    public List<ReplyTemplate> pick(Actor actor, String q, int limit) {
        return templates.visible(actor, new TemplateFilter(q, null, null, null), null, null, limit, true);
    }

    @Transactional(readOnly = true)
    public List<ReplyTemplate> ofCategory(Actor actor, String category, int limit) {
        return templates.ofCategory(actor, category, limit);
    }

    /** The templates of these ids the actor may see, by id (one query, for lists that name them). */
    @Transactional(readOnly = true)
    public Map<Long, ReplyTemplate> visibleByIds(java.util.Collection<Long> ids, Actor actor) {
        Map<Long, ReplyTemplate> found = new java.util.HashMap<>();
        templates.byIds(ids).stream().filter(t -> t.sharing().canSee(actor)).forEach(t -> found.put(t.id(), t));
        return found;
    }

    @Transactional(readOnly = true)
    public List<String> categories(Actor actor) {
        return templates.categories(actor);
    }

    public ReplyTemplate create(TemplateInput input, Actor actor) {
        input.check();
        requireMayShare(input, actor);
        long id = templates.insert(input, input.scope() == TemplateScope.PERSONAL ? actor.id() : null, clock.instant());
        return templates.find(id).orElseThrow();
    }

    public ReplyTemplate replace(long id, TemplateInput input, Long expectedVersion, Actor actor) {
        ReplyTemplate current = managed(id, actor);
        input.check();
        requireMayShare(input, actor);
        Long owner = input.scope() != TemplateScope.PERSONAL ? null
                : current.scope() == TemplateScope.PERSONAL ? current.sharing().ownerId() : actor.id();
        if (!templates.update(id, input, owner, expectedVersion == null ? current.version() : expectedVersion, clock.instant())) {
            throw new ConflictException("Template " + id + " was changed by someone else; reload it and try again.",
                    Map.of("currentVersion", current.version()));
        }
        return templates.find(id).orElseThrow();
    }

    public void delete(long id, Actor actor) {
        managed(id, actor);
        templates.delete(id);
    }

    /** Whether the actor may change this template (for showing edit buttons). */
    public boolean mayManage(ReplyTemplate template, Actor actor) {
        return template.sharing().canManage(actor);
    }

    private ReplyTemplate managed(long id, Actor actor) {
        ReplyTemplate t = get(id, actor);
        if (!t.sharing().canManage(actor)) {
            throw new ForbiddenException("Only supervisors and admins change shared templates.");
        }
        return t;
    }

    /** Shared templates are for supervisors of that team or department, and admins. */
    static void requireMayShare(TemplateScope scope, Long teamId, Long departmentId, Actor actor) {
        if (scope == TemplateScope.PERSONAL) {
            return;
        }
        actor.requireRole(Role.SUPERVISOR);
        if (!new Sharing(scope, null, teamId, departmentId).canManage(actor)) {
            throw new ForbiddenException("You may share only with your own teams and departments.");
        }
    }

    private static void requireMayShare(TemplateInput input, Actor actor) {
        requireMayShare(input.scope(), input.teamId(), input.departmentId(), actor);
    }

    private static Long parseLong(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException | NullPointerException e) {
            throw org.kefu.platform.InvalidRequestException.of("cursor", "is not a cursor returned by this list");
        }
    }
}
